namespace Allometry.Core.Entities;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>
/// The re-routes people made on a tenant's open exceptions, as the evaluation, the score and the
/// collections queue read them: a re-routed exception belongs to its new payer, and its invoices'
/// money counts as that payer's receivable (its exposure, its group's exposure, its queue amount)
/// and no longer as the bill-to payer's.
/// </summary>
/// <remarks>
/// A person's re-route outranks what the rules infer from the entity graph: it is a decision made
/// with knowledge the ledger does not hold. When two re-routes claim one invoice, the one of the
/// first fingerprint (ordinal) wins, so the result never depends on reading order.
/// </remarks>
public sealed class Reroutes
{
    private readonly Dictionary<string, string> _byFingerprint = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byInvoice = new(StringComparer.Ordinal);
    private readonly ILookup<string, string> _invoicesTo;

    /// <summary>The re-routes, in any order.</summary>
    public Reroutes(IEnumerable<Reroute> reroutes)
    {
        ArgumentNullException.ThrowIfNull(reroutes);
        foreach (var reroute in reroutes.OrderBy(r => r.Fingerprint, StringComparer.Ordinal))
        {
            _byFingerprint.TryAdd(reroute.Fingerprint, reroute.ToPayerId);
            foreach (var invoiceId in reroute.InvoiceIds) _byInvoice.TryAdd(invoiceId, reroute.ToPayerId);
        }
        _invoicesTo = _byInvoice.ToLookup(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    /// <summary>No re-route at all.</summary>
    public static Reroutes None { get; } = new([]);

    /// <summary>True when nothing is re-routed.</summary>
    public bool IsEmpty => _byFingerprint.Count == 0;

    /// <summary>The payer an exception was re-routed to, or null.</summary>
    public string? PayerOf(string fingerprint) => _byFingerprint.GetValueOrDefault(fingerprint);

    /// <summary>The payer an invoice's money was re-routed to, or null.</summary>
    public string? HolderOf(string invoiceId) => _byInvoice.GetValueOrDefault(invoiceId);

    /// <summary>Every re-routed invoice with the payer it moved to, by invoice id (ordinal).</summary>
    public IEnumerable<(string InvoiceId, string PayerId)> Invoices =>
        _byInvoice.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value));

    /// <summary>Invoice ids re-routed to <paramref name="payerId"/>.</summary>
    public IEnumerable<string> InvoicesTo(string payerId) => _invoicesTo[payerId];

    /// <summary>
    /// The payer's receivables after re-routes: its own invoices not re-routed elsewhere, and the
    /// invoices re-routed to it.
    /// </summary>
    public IEnumerable<Invoice> InvoicesHeldBy(LedgerSnapshot ledger, string payerId)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var own = ledger.InvoicesOfPayer(payerId);
        if (IsEmpty) return own;
        return own.Where(i => HolderOf(i.InvoiceId) is not { } to || string.Equals(to, payerId, StringComparison.Ordinal))
            .Concat(InvoicesTo(payerId).Select(ledger.Invoice).OfType<Invoice>()
                .Where(i => !string.Equals(i.PayerId, payerId, StringComparison.Ordinal)));
    }

    /// <summary>The evaluation with each re-routed finding naming its new payer (<see cref="Finding.PayerId"/>).</summary>
    public RuleEvaluation Apply(RuleEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (IsEmpty) return evaluation;
        return evaluation with
        {
            Findings = [.. evaluation.Findings.Select(f => PayerOf(f.Fingerprint) is { } to ? f with { PayerId = to } : f)],
        };
    }
}
