namespace Allometry.Core.Scoring;

using Allometry.Core.Entities;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>
/// Whose receivable each invoice is, for the score and the queue: the payer the rule engine routes
/// its follow-up to. Most invoices stay with their bill-to payer. An invoice moves when a finding
/// about it (subject: the invoice) names another payer, or when a PayerChangeExposure finding lists
/// it as exposed: after a handoff or a succession the money is chased from the entity that now
/// holds the liability, so it is that entity's exposure, age and payment record.
/// </summary>
/// <remarks>
/// Built from the findings rather than the entity graph so the score always agrees with the
/// exceptions it ranks. When findings route one invoice to different payers, PayerChangeExposure
/// (the rule that decides liability) wins, then the first payer id in ordinal order. A person's
/// re-route (<see cref="Reroutes"/>) outranks them all.
/// </remarks>
internal sealed class ReceivableHolders
{
    private const string PayerChangeRule = "PayerChangeExposure";

    private readonly Dictionary<string, string> _moved = new(StringComparer.Ordinal);
    private readonly ILookup<string, Invoice> _byHolder;

    public ReceivableHolders(LedgerSnapshot ledger, RuleEvaluation evaluation, Reroutes? reroutes = null)
    {
        var candidates = new List<(string InvoiceId, string PayerId, bool Authoritative)>();
        foreach (var finding in evaluation.Findings.Where(f => !string.IsNullOrEmpty(f.PayerId)))
        {
            var isPayerChange = string.Equals(finding.RuleId, PayerChangeRule, StringComparison.Ordinal);
            if (finding.Subject.Kind == SubjectKind.Invoice)
            {
                candidates.Add((finding.Subject.Id, finding.PayerId!, isPayerChange));
            }
            if (isPayerChange)
            {
                candidates.AddRange(finding.Evidence
                    .Where(e => string.Equals(e.Sheet, LedgerSheets.Invoices, StringComparison.Ordinal))
                    .Select(e => (e.RowId, finding.PayerId!, true)));
            }
        }
        foreach (var group in candidates.GroupBy(c => c.InvoiceId, StringComparer.Ordinal))
        {
            if (ledger.Invoice(group.Key) is not { } invoice) continue;
            var holder = group.Where(c => !string.Equals(c.PayerId, invoice.PayerId, StringComparison.Ordinal))
                .OrderByDescending(c => c.Authoritative).ThenBy(c => c.PayerId, StringComparer.Ordinal)
                .Select(c => c.PayerId)
                .FirstOrDefault();
            if (holder is not null) _moved[invoice.InvoiceId] = holder;
        }
        // A person's re-route outranks what the findings infer.
        foreach (var (invoiceId, payerId) in (reroutes ?? Reroutes.None).Invoices)
        {
            if (ledger.Invoice(invoiceId) is not { } invoice) continue;
            if (string.Equals(invoice.PayerId, payerId, StringComparison.Ordinal)) _moved.Remove(invoiceId);
            else _moved[invoiceId] = payerId;
        }
        _byHolder = ledger.Invoices.ToLookup(HolderOf, StringComparer.Ordinal);
    }

    /// <summary>The payer whose receivable the invoice is.</summary>
    public string HolderOf(Invoice invoice) => _moved.GetValueOrDefault(invoice.InvoiceId) ?? invoice.PayerId;

    /// <summary>The invoices that are the payer's receivables, its own and those moved to it.</summary>
    public IEnumerable<Invoice> InvoicesOf(string payerId) => _byHolder[payerId];

    /// <summary>Invoices billed to another payer that count as <paramref name="payerId"/>'s, by id.</summary>
    public IReadOnlyList<string> MovedTo(string payerId) =>
        [.. _moved.Where(m => string.Equals(m.Value, payerId, StringComparison.Ordinal)).Select(m => m.Key).Order(StringComparer.Ordinal)];

    /// <summary>Every payer that holds at least one invoice.</summary>
    public IEnumerable<string> Holders => _byHolder.Select(g => g.Key);
}
