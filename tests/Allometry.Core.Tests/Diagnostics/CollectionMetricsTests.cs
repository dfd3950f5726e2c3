namespace Allometry.Core.Tests.Diagnostics;

using Allometry.Core.Diagnostics;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Tests.Rules;

public sealed class CollectionMetricsTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    // As of 2026-11-20, 90-day period (2026-08-22, 2026-11-20]:
    //   A issued 09-01 total 3,000.00, 2,000.00 paid 09-15 → 1,000.00 open, due 10-01 (overdue)
    //   B issued 11-01 total 2,000.00, open, due 12-01 (current)
    //   C issued 06-01 total 1,500.00, 1,000.00 paid 08-01 and 300.00 paid 09-10 → 200.00 open (overdue)
    //   D issued 10-15 total   500.00, paid 10-20
    // Sales = A + B + D = 5,500.00; end AR = 3,200.00; end current AR = 2,000.00;
    // begin AR = C's 200.00 + the 300.00 paid after the start = 500.00.
    private static TestLedger Ledger() => new TestLedger()
        .Payer("P1")
        .Plain("A", "P1", D(9, 1), D(10, 1), 3000.00m, 1000.00m)
        .Plain("B", "P1", D(11, 1), D(12, 1), 2000.00m, 2000.00m)
        .Plain("C", "P1", D(6, 1), D(7, 1), 1500.00m, 200.00m)
        .Plain("D", "P1", D(10, 15), D(11, 14), 500.00m, 0.00m)
        .Payment("PAY1", "P1", 2000.00m, D(9, 15), ("A", 2000.00m))
        .Payment("PAY2", "P1", 500.00m, D(10, 20), ("D", 500.00m))
        .Payment("PAY3", "P1", 1000.00m, D(8, 1), ("C", 1000.00m))
        .Payment("PAY4", "P1", 300.00m, D(9, 10), ("C", 300.00m));

    [Fact]
    public void Metrics_WorkbookWithPayments_ComputeTheDomainFormulasExactly()
    {
        var metrics = DiagnosticLedgers.Report(Ledger()).Metrics;

        Assert.Equal(D(8, 22), metrics.PeriodStart);
        Assert.Equal(5500.00m, metrics.CreditSales);
        Assert.Equal(3200.00m, metrics.EndAr);
        Assert.Equal(2000.00m, metrics.EndCurrentAr);
        Assert.Equal(500.00m, metrics.BeginAr);
        Assert.Equal(52.36m, metrics.Dso.Value);               // 3,200 / 5,500 × 90 = 52.3636…
        Assert.Equal(32.73m, metrics.BestPossibleDso.Value);   // 2,000 / 5,500 × 90 = 32.7272…
        Assert.Equal(19.64m, metrics.AverageDaysDelinquent.Value); // 19.6363…, rounded once
        Assert.Equal(70.00m, metrics.Cei.Value);               // (500 + 5,500 − 3,200) / (500 + 5,500 − 2,000) × 100
        Assert.All(metrics.All(), m => Assert.Null(m.UnavailableReason));
    }

    [Fact]
    public void Metrics_InvoiceIssuedOnPeriodStart_CountsInBeginArNotInSales()
    {
        var ledger = new TestLedger().Payer("P1")
            .Plain("S", "P1", D(8, 22), D(9, 21), 900.00m, 900.00m)
            .Plain("T", "P1", D(8, 23), D(9, 22), 100.00m, 100.00m);

        var metrics = DiagnosticLedgers.Report(ledger).Metrics;

        Assert.Equal(100.00m, metrics.CreditSales);
        Assert.Equal(900.00m, metrics.BeginAr);
    }

    [Fact]
    public void Metrics_BareAgingExport_NothingComputedAndTheReasonNamesTheInvoicesSheet()
    {
        var ledger = new TestLedger().Payer("P1")
            .Plain("AGING-1", "P1", D(11, 20), D(11, 20), 700.00m, 700.00m, origin: InvoiceOrigin.AgingSummary)
            .Plain("AGING-2", "P1", D(9, 1), D(9, 1), 300.00m, 300.00m, origin: InvoiceOrigin.AgingSummary);

        var metrics = DiagnosticLedgers.Report(ledger, DiagnosticLedgers.AgingSheets).Metrics;

        Assert.Equal(1000.00m, metrics.EndAr);
        Assert.Equal(700.00m, metrics.EndCurrentAr);
        Assert.Null(metrics.CreditSales);
        Assert.Null(metrics.BeginAr);
        Assert.All(metrics.All(), m =>
        {
            Assert.Null(m.Value);
            Assert.False(m.IsAvailable);
            Assert.Contains("invoices sheet", m.UnavailableReason!.En, StringComparison.Ordinal);
            Assert.Contains("feuille invoices", m.UnavailableReason.Fr, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Metrics_WorkbookWithoutPaymentSheets_DsoComputedCeiExplained()
    {
        var sheets = LedgerSheets.All.Except([LedgerSheets.Payments, LedgerSheets.PaymentApplications]);

        var metrics = DiagnosticLedgers.Report(Ledger(), sheets).Metrics;

        Assert.Equal(52.36m, metrics.Dso.Value);
        Assert.Null(metrics.BeginAr);
        Assert.Null(metrics.Cei.Value);
        Assert.Contains("payment_applications", metrics.Cei.UnavailableReason!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_NoSalesInPeriod_RatiosUndefinedWithReason()
    {
        var ledger = new TestLedger().Payer("P1").Plain("OLD", "P1", D(1, 5), D(2, 4), 400.00m, 400.00m);

        var metrics = DiagnosticLedgers.Report(ledger).Metrics;

        Assert.Equal(0.00m, metrics.CreditSales);
        Assert.Null(metrics.Dso.Value);
        Assert.Contains("No credit sales in the 90 days", metrics.Dso.UnavailableReason!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_VoidInvoicesAndCreditNotes_VoidIgnoredCreditsNetted()
    {
        var ledger = new TestLedger().Payer("P1")
            .Plain("I", "P1", D(11, 1), D(12, 1), 1000.00m, 1000.00m)
            .Plain("CN", "P1", D(11, 2), D(11, 2), -100.00m, -100.00m)
            .Invoice("V", "P1", null, 5000m, issued: D(11, 3), with: i => i with { Status = InvoiceStatus.Void, Gst = 0m, Qst = 0m, Total = 5000m, Balance = 5000m });

        var metrics = DiagnosticLedgers.Report(ledger).Metrics;

        Assert.Equal(900.00m, metrics.CreditSales);
        Assert.Equal(900.00m, metrics.EndAr);
        Assert.Equal(90.00m, metrics.Dso.Value);
    }
}
