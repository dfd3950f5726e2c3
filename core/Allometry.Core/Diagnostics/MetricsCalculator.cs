namespace Allometry.Core.Diagnostics;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// DSO, best possible DSO, ADD and CEI (domain.md §3) over the period (as-of − days, as-of].
/// Sales are the totals of the ledger workbook's invoices issued in the period (credit notes
/// netted, void excluded); an aging export alone has no sales, so nothing is computed from it.
/// Begin AR is rolled back from today's balances: an invoice issued by the period start was open
/// then by its balance now plus every payment applied to it that was received after the start.
/// </summary>
internal static class MetricsCalculator
{
    public static CollectionMetrics Compute(LedgerSnapshot ledger, DateOnly asOf, int periodDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periodDays, 1);
        var start = asOf.AddDays(-periodDays);
        var open = ledger.Invoices.Where(i => i.Status != InvoiceStatus.Void && i.Balance != 0m).ToList();
        var endAr = Cents.Exact(open.Sum(i => i.Balance));
        var endCurrent = Cents.Exact(open.Where(i => i.DueDate >= asOf).Sum(i => i.Balance));

        var books = ledger.Invoices.Where(i => i.Origin == InvoiceOrigin.Workbook && i.Status != InvoiceStatus.Void).ToList();
        decimal? sales = books.Count == 0 ? null
            : Cents.Exact(books.Where(i => i.IssueDate > start && i.IssueDate <= asOf).Sum(i => i.Total));
        var beginAr = sales is not null && ledger.Has(LedgerSheets.Payments) && ledger.Has(LedgerSheets.PaymentApplications)
            ? Cents.Exact(books.Where(i => i.IssueDate <= start).Sum(i => i.Balance + PaidAfter(ledger, i, start)))
            : (decimal?)null;

        LocalizedText? salesProblem = sales switch
        {
            null => DiagnosticTexts.NoSalesHistory,
            <= 0m => DiagnosticTexts.NoSalesInPeriod(periodDays),
            _ => null,
        };
        decimal? dso = salesProblem is null ? endAr / sales!.Value * periodDays : null;
        decimal? best = salesProblem is null ? endCurrent / sales!.Value * periodDays : null;
        decimal? add = dso - best;

        LocalizedText? ceiProblem = salesProblem ?? (beginAr is null ? DiagnosticTexts.NoPaymentHistory : null);
        decimal? cei = null;
        if (ceiProblem is null)
        {
            var collectible = beginAr!.Value + sales!.Value - endCurrent;
            if (collectible <= 0m) ceiProblem = DiagnosticTexts.NothingCollectible;
            else cei = (beginAr.Value + sales.Value - endAr) / collectible * 100m;
        }

        return new CollectionMetrics(
            periodDays, start, endAr, endCurrent, sales, beginAr,
            Metric("dso", DiagnosticTexts.DsoName, MetricUnit.Days, dso, DiagnosticTexts.DsoFormula(periodDays), salesProblem),
            Metric("bestPossibleDso", DiagnosticTexts.BestPossibleDsoName, MetricUnit.Days, best, DiagnosticTexts.BestPossibleDsoFormula(periodDays), salesProblem),
            Metric("averageDaysDelinquent", DiagnosticTexts.AddName, MetricUnit.Days, add, DiagnosticTexts.AddFormula, salesProblem),
            Metric("cei", DiagnosticTexts.CeiName, MetricUnit.Percent, cei, DiagnosticTexts.CeiFormula, ceiProblem));
    }

    // ADD is the difference of the two unrounded DSOs, rounded once, so DSO − BPDSO may differ
    // from the printed ADD by a cent of a day: the formula, not the display, is the definition.
    private static DiagnosticMetric Metric(string id, LocalizedText name, MetricUnit unit, decimal? value, LocalizedText formula, LocalizedText? problem) =>
        new(id, name, unit, value is { } v ? Cents.Round2(v) : null, formula, value is null ? problem : null);

    private static decimal PaidAfter(LedgerSnapshot ledger, Invoice invoice, DateOnly start) =>
        ledger.ApplicationsTo(invoice.InvoiceId)
            .Where(a => ledger.Payment(a.PaymentId) is { } p && p.ReceivedOn > start)
            .Sum(a => a.Amount);
}
