namespace Allometry.Core.Tests.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Retainage;

public sealed class SuspectedRetainageRuleTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;

    private static TestLedger AgingLines(params (string Id, decimal Amount, int DaysAgo)[] lines)
    {
        var ledger = new TestLedger().Payer("c-laval");
        foreach (var (id, amount, daysAgo) in lines)
        {
            var issued = AsOf.AddDays(-daysAgo);
            ledger.Invoice(id, "c-laval", null, amount, issued: issued, due: issued.AddDays(30), with: i => i with
            {
                Origin = InvoiceOrigin.AgingDetail, Gst = 0m, Hst = 0m, Qst = 0m, Total = amount, Balance = amount, TaxProvince = null,
            });
        }
        return ledger;
    }

    [Fact]
    public void Evaluate_LineExactlyTenPercentOfAnEarlierSibling_Suspected()
    {
        var ledger = AgingLines(("1001", 45_000.00m, 200), ("1002", 4_500.00m, 150));

        var finding = Assert.Single(ledger.Run(new SuspectedRetainageRule()));

        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "1002"), finding.Subject);
        Assert.Equal(4_500.00m, finding.AmountAtRisk);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains(finding.Evidence, e => e.RowId == "1001" && e.Actual == "45000.00");
        Assert.NotEqual(finding.Title.En, finding.Title.Fr);
        Assert.Contains("10 %", finding.Detail.Fr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4500.01", true)]
    [InlineData("4500.02", false)]
    [InlineData("2250.00", true)]
    public void Evaluate_BalanceNearTheShare_OnlyWithinOneCent(string balance, bool suspected)
    {
        var amount = decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture);
        var ledger = AgingLines(("1001", 45_000.00m, 200), ("1002", amount, 150));

        var findings = ledger.Run(new SuspectedRetainageRule());

        Assert.Equal(suspected, findings.Count == 1);
    }

    [Fact]
    public void Evaluate_SmallLineIssuedBeforeTheBigOne_NotSuspected()
    {
        var ledger = AgingLines(("1001", 4_500.00m, 200), ("1002", 45_000.00m, 150));

        Assert.Empty(ledger.Run(new SuspectedRetainageRule()));
    }

    [Fact]
    public void Evaluate_NumberSaysHoldback_SuspectedAndLowWhenRecent()
    {
        var ledger = AgingLines(("HB-2210", 1_234.56m, 20), ("1001", 99_999.00m, 200));

        var finding = Assert.Single(ledger.Run(new SuspectedRetainageRule()));

        Assert.Equal("HB-2210", finding.Subject.Id);
        Assert.Equal(Severity.Low, finding.Severity);
    }

    [Fact]
    public void Evaluate_WorkbookInvoices_Ignored()
    {
        var ledger = new TestLedger().Payer("P1")
            .Invoice("F1", "P1", null, 45_000m).Invoice("F2", "P1", null, 4_500m, issued: AsOf.AddDays(-5));

        Assert.Empty(ledger.Run(new SuspectedRetainageRule()));
    }

    [Fact]
    public void RequiredSheets_InvoicesOnly_RunsOnABareAgingExport()
    {
        var ledger = AgingLines(("1001", 45_000.00m, 200), ("1002", 4_500.00m, 150));
        var engine = new RuleEngine([new SuspectedRetainageRule()]);

        var evaluation = engine.Evaluate(new RuleContext(ledger.Snapshot([LedgerSheets.Payers, LedgerSheets.Invoices]), AsOf, RuleSettings.Default));

        Assert.Single(evaluation.Findings);
        Assert.Empty(evaluation.Skipped);
    }
}
