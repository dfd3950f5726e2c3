namespace Allometry.Core.Aging;

/// <summary>
/// Open receivables by bucket, per payer and per project, as of a date. Both views cover the
/// same invoices, so each sums to <see cref="Totals"/> exactly: <see cref="Reconciles"/> says so.
/// </summary>
public sealed record AgingSummary(
    string TenantId,
    DateOnly AsOf,
    string Currency,
    IReadOnlyList<AgingRow> ByPayer,
    IReadOnlyList<AgingRow> ByProject,
    AgingAmounts Totals)
{
    /// <summary>True when the per-payer and per-project rows each add up to the totals, to the cent.</summary>
    public bool Reconciles =>
        Sum(ByPayer) == Totals && Sum(ByProject) == Totals;

    private static AgingAmounts Sum(IEnumerable<AgingRow> rows) =>
        rows.Aggregate(default(AgingAmounts), (acc, row) => acc + row.Amounts);
}
