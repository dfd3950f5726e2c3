namespace Allometry.Core.Rules;

/// <summary>
/// The thing a finding is about. With the rule id it forms the exception's stable fingerprint,
/// so the same condition found again tomorrow updates the same exception.
/// </summary>
/// <param name="Kind">Payer, project, invoice, hold…</param>
/// <param name="Id">The subject's id in the ledger (a hold is <c>project/invoice</c>, a group its root payer).</param>
public sealed record FindingSubject(SubjectKind Kind, string Id)
{
    public override string ToString() => $"{Kind}:{Id}";
}
