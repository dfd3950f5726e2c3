namespace Allometry.Core.Sample;

using Allometry.Core.Rules;

/// <summary>
/// An exception deliberately planted in a <see cref="SampleLedger"/>: the finding a correct rule
/// engine must produce from the sample's rows. Every amount is computed from those rows (see the
/// builders in <c>Sample/Planting</c>, whose XML docs define each amount).
/// </summary>
public sealed record PlantedCase
{
    /// <summary>The rule's name exactly as in domain.md §4, e.g. <c>DepositGateUnpaid</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>What the finding is about, in the kinds of <see cref="FindingSubject"/>.</summary>
    public required SubjectKind SubjectKind { get; init; }

    /// <summary>
    /// The subject's id in the ledger: a payer, project, invoice, payment, quote or contract id;
    /// a linked group is its root payer; a hold is <c>project_id/invoice_id</c>.
    /// </summary>
    public required string SubjectId { get; init; }

    /// <summary>The subject as a finding names it: rule + subject is the finding's fingerprint.</summary>
    public FindingSubject Subject => new(SubjectKind, SubjectId);

    /// <summary>
    /// The severity domain.md §4 gives the trigger. For OverdueInvoice the catalogue says "by
    /// score": the value is where the score of §3 should land, advisory only.
    /// </summary>
    public required Severity Severity { get; init; }

    /// <summary>Money at risk in the ledger's currency, exact to the cent (always two decimals, &gt; 0).</summary>
    public required decimal AmountAtRisk { get; init; }

    /// <summary>One sentence a person can check against the rows.</summary>
    public required string Description { get; init; }

    /// <summary>The ids of the rows the amount is computed from (invoices, payments, quotes, contracts).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>
    /// Other rules that may legitimately fire on the same rows (e.g. OverdueInvoice on a broken
    /// promise's invoice); an engine that also reports them is not wrong.
    /// </summary>
    public IReadOnlyList<string> AlsoMayTrigger { get; init; } = [];
}
