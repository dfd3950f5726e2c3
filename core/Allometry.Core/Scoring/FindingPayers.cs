namespace Allometry.Core.Scoring;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>The payer a finding belongs to, for its score and its place in the queue.</summary>
internal static class FindingPayers
{
    /// <summary>
    /// <see cref="Finding.PayerId"/> (where the follow-up goes), or else the payer its subject
    /// names: the payer itself, a linked group's root, an invoice's or payment's payer, a
    /// project's current (else contract) payer. Null when nothing names one.
    /// </summary>
    public static string? Of(Finding finding, LedgerSnapshot ledger)
    {
        if (!string.IsNullOrEmpty(finding.PayerId)) return finding.PayerId;
        var id = finding.Subject.Id;
        return finding.Subject.Kind switch
        {
            SubjectKind.Payer or SubjectKind.LinkedGroup => id,
            SubjectKind.Invoice => ledger.Invoice(id)?.PayerId,
            SubjectKind.Payment => ledger.Payment(id)?.PayerId,
            _ => ledger.Project(finding.ProjectId ?? (finding.Subject.Kind == SubjectKind.Project ? id : null)) is { } p
                ? p.CurrentPayerId ?? p.ContractPayerId
                : null,
        };
    }
}
