namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Collections;

public sealed class OverdueInvoiceRuleTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;
    private readonly OverdueInvoiceRule _rule = new();

    private static TestLedger DueDaysAgo(int days, decimal subtotal = 1_000m, decimal? balance = null) =>
        new TestLedger().Payer("P").Invoice("F1", "P", null, subtotal, issued: AsOf.AddDays(-days - 30), due: AsOf.AddDays(-days), balance: balance);

    [Theory]
    [InlineData(1, "100.00", Severity.Low)]
    [InlineData(30, "24999.99", Severity.Low)]
    [InlineData(31, "100.00", Severity.Medium)]
    [InlineData(90, "100.00", Severity.Medium)]
    [InlineData(91, "100.00", Severity.High)]
    [InlineData(1, "25000.00", Severity.Medium)]
    [InlineData(31, "25000.00", Severity.High)]
    [InlineData(400, "25000.00", Severity.High)]
    public void SeverityOf_DaysBeyondTermsAndBalance_FollowsTheDocumentedTable(int days, string balance, Severity expected)
    {
        // Act
        var severity = OverdueInvoiceRule.SeverityOf(days, decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture), RuleSettings.Default);

        // Assert
        Assert.Equal(expected, severity);
    }

    [Fact]
    public void Evaluate_Due45DaysAgo_MediumForTheBalance()
    {
        // Arrange
        var ledger = DueDaysAgo(45);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "F1"), finding.Subject);
        Assert.Equal(1_149.75m, finding.AmountAtRisk);
        Assert.Equal("P", finding.PayerId);
        Assert.Contains("45 days", finding.Title.En, StringComparison.Ordinal);
        Assert.Contains("45 jours", finding.Title.Fr, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e is { RowId: "F1", Field: "due_date", Actual: "2026-10-06" });
        CollectionsAssert.WellFormed(finding, "F1");
        CollectionsAssert.MoneyInBothLanguages(finding, 1_149.75m);
    }

    [Fact]
    public void Evaluate_DueToday_NotOverdue()
    {
        // Arrange
        var ledger = DueDaysAgo(0);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_DueYesterday_LowOneDay()
    {
        // Arrange
        var ledger = DueDaysAgo(1);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Low, finding.Severity);
        Assert.Contains("1 day", finding.Title.En, StringComparison.Ordinal);
        Assert.Contains("1 jour", finding.Title.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PaidOrVoid_NoFinding()
    {
        // Arrange
        var ledger = DueDaysAgo(60, balance: 0m)
            .Invoice("F2", "P", null, 1_000m, due: AsOf.AddDays(-60), with: i => i with { Status = InvoiceStatus.Void });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_PayerSucceeded_FollowUpGoesToTheSuccessor()
    {
        // Arrange
        var ledger = DueDaysAgo(20).Payer("HEIR").Link("P", "HEIR", EntityLinkKind.Successor, AsOf.AddDays(-3));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal("HEIR", finding.PayerId);
        Assert.Contains("now with Payer HEIR (HEIR)", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("relève maintenant de Payer HEIR (HEIR)", finding.Detail.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PayerNotSucceeded_DetailDoesNotMentionAnotherEntity()
    {
        // Arrange
        var ledger = DueDaysAgo(20);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.DoesNotContain("now with", finding.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_BareAgingExport_OverdueConcentrationAndUnappliedCashAllRun()
    {
        // Arrange
        var snapshot = DueDaysAgo(120).Snapshot([LedgerSheets.Payers, LedgerSheets.Invoices]);
        var engine = new RuleEngine([_rule, new AgingConcentrationRule(), new UnappliedCashRule(), new ShortPayUnresolvedRule()]);

        // Act
        var evaluation = engine.Evaluate(new RuleContext(snapshot, AsOf, RuleSettings.Default));

        // Assert
        Assert.Equal(["ShortPayUnresolved"], evaluation.Skipped.Select(s => s.RuleId));
        Assert.Contains(evaluation.Findings, f => f is { RuleId: "OverdueInvoice", Severity: Severity.High });
        Assert.Contains(evaluation.Findings, f => f.RuleId == "AgingConcentration");
    }
}
