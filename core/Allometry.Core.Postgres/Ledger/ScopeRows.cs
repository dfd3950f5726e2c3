namespace Allometry.Core.Postgres.Ledger;

using Allometry.Core.Ledger;

/// <summary>
/// Rows one connection of a screened read brought back (the screened scope or the base scope),
/// each sheet ordered by its key as the whole-ledger load orders it. Two reads of one snapshot
/// merge into one ledger: <see cref="Merge"/> keeps each row once and the order.
/// </summary>
internal sealed record ScopeRows
{
    public List<Project> Projects { get; init; } = [];
    public List<Delivery> Deliveries { get; init; } = [];
    public List<Quote> Quotes { get; init; } = [];
    public List<RetainageHold> Retainage { get; init; } = [];
    public List<ServiceContract> Contracts { get; init; } = [];
    public List<Payer> Payers { get; init; } = [];
    public List<EntityLink> Links { get; init; } = [];
    public List<PaymentPromise> Promises { get; init; } = [];
    public List<Invoice> Invoices { get; init; } = [];
    public List<Payment> Payments { get; init; } = [];
    public List<PaymentApplication> Applications { get; init; } = [];

    /// <summary>The invoices read for the base scope's rules (the base scope's read only).</summary>
    public List<string> LightInvoices { get; init; } = [];

    /// <summary>
    /// One ledger of two reads of the same snapshot. A row both read (an invoice of a screened
    /// project that is also open, a payment paying both) is the same row: it is kept once.
    /// Sheets only one side reads (deliveries, quotes, holds and contracts come from the screened
    /// projects; payers, links and promises from the base scope) are taken as they are.
    /// </summary>
    public static LedgerSnapshot Merge(LedgerMeta meta, IReadOnlySet<string> present, ScopeRows screened, ScopeRows baseScope) => new(
        meta, present,
        [.. screened.Payers, .. baseScope.Payers],
        [.. screened.Links, .. baseScope.Links],
        MergeByKey(screened.Projects, baseScope.Projects, static (a, b) => string.CompareOrdinal(a.ProjectId, b.ProjectId)),
        [.. screened.Deliveries, .. baseScope.Deliveries],
        [.. screened.Quotes, .. baseScope.Quotes],
        MergeByKey(screened.Invoices, baseScope.Invoices, static (a, b) => string.CompareOrdinal(a.InvoiceId, b.InvoiceId)),
        MergeByKey(screened.Payments, baseScope.Payments, static (a, b) => string.CompareOrdinal(a.PaymentId, b.PaymentId)),
        MergeByKey(screened.Applications, baseScope.Applications, static (a, b) =>
        {
            var byPayment = string.CompareOrdinal(a.PaymentId, b.PaymentId);
            return byPayment != 0 ? byPayment : string.CompareOrdinal(a.InvoiceId, b.InvoiceId);
        }),
        [.. screened.Retainage, .. baseScope.Retainage],
        [.. screened.Contracts, .. baseScope.Contracts],
        [.. screened.Promises, .. baseScope.Promises],
        []);

    // Each row once (a key on both sides is the same row of the same snapshot), in key order. Not
    // a merge of the two sorted lists: the SQL orders by "C" collation (UTF-8 bytes), which is not
    // ordinal (UTF-16) order for every id, and a duplicate missed by a merge would break the
    // snapshot's indexes.
    internal static List<T> MergeByKey<T>(List<T> left, List<T> right, Comparison<T> compare)
    {
        var merged = new List<T>(left.Count + right.Count);
        merged.AddRange(left);
        merged.AddRange(right);
        merged.Sort(compare);
        var write = 0;
        for (var read = 0; read < merged.Count; read++)
        {
            if (write > 0 && compare(merged[write - 1], merged[read]) == 0) continue;
            merged[write++] = merged[read];
        }
        merged.RemoveRange(write, merged.Count - write);
        return merged;
    }
}
