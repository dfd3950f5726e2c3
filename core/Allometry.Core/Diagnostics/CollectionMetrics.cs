namespace Allometry.Core.Diagnostics;

/// <summary>
/// Collection metrics over the sales period ending on the as-of date (domain.md §3):
/// DSO = end AR / credit sales × days; best possible DSO = end current AR / credit sales × days;
/// average days delinquent = DSO − best possible DSO; CEI = (begin AR + sales − end AR) /
/// (begin AR + sales − end current AR) × 100.
/// </summary>
/// <param name="PeriodDays">Length of the sales period.</param>
/// <param name="PeriodStart">The day before the period's first day: begin AR is as of its end.</param>
/// <param name="EndAr">Open AR on the as-of date.</param>
/// <param name="EndCurrentAr">The part of <paramref name="EndAr"/> not yet due.</param>
/// <param name="CreditSales">Invoiced in the period (totals, credit notes netted); null without sales history.</param>
/// <param name="BeginAr">Open AR at the period start, rebuilt from today's balances plus the payments applied since; null without payment history.</param>
/// <param name="Dso">Days sales outstanding.</param>
/// <param name="BestPossibleDso">DSO if every overdue balance had been paid on time.</param>
/// <param name="AverageDaysDelinquent">DSO − best possible DSO.</param>
/// <param name="Cei">Collection effectiveness index.</param>
public sealed record CollectionMetrics(
    int PeriodDays,
    DateOnly PeriodStart,
    decimal EndAr,
    decimal EndCurrentAr,
    decimal? CreditSales,
    decimal? BeginAr,
    DiagnosticMetric Dso,
    DiagnosticMetric BestPossibleDso,
    DiagnosticMetric AverageDaysDelinquent,
    DiagnosticMetric Cei)
{
    /// <summary>The four metrics in reading order (a method, so the JSON form does not repeat them).</summary>
    public IReadOnlyList<DiagnosticMetric> All() => [Dso, BestPossibleDso, AverageDaysDelinquent, Cei];
}
