namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Rules;
using Allometry.Core.Rules.Collections;

public sealed class AgingConcentrationRuleTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;
    private readonly AgingConcentrationRule _rule = new();

    private static TestLedger Line(TestLedger ledger, string id, string payer, decimal balance, int daysPastDue = -10) =>
        ledger.Invoice(id, payer, null, 100_000m, due: AsOf.AddDays(-daysPastDue), balance: balance);

    /// <summary>Five payers owing 2,000.00 each (20 % of AR apiece); A owes <paramref name="a"/>.</summary>
    private static TestLedger FiveEqual(decimal a)
    {
        var ledger = new TestLedger();
        foreach (var p in new[] { "A", "B", "C", "D", "E" }) ledger.Payer(p);
        Line(ledger, "FA", "A", a);
        foreach (var p in new[] { "B", "C", "D", "E" }) Line(ledger, $"F{p}", p, 2_000m);
        return ledger;
    }

    /// <summary>X owes 3,000.00 current and <paramref name="old"/> past due; Y owes enough that X's share stays small.</summary>
    private static TestLedger AgedPayer(decimal old, int daysPastDue)
    {
        var ledger = new TestLedger().Payer("X").Payer("Y");
        Line(ledger, "X1", "X", 3_000m);
        Line(ledger, "X2", "X", old, daysPastDue);
        return Line(ledger, "Y1", "Y", 100_000m);
    }

    [Fact]
    public void Evaluate_PayerJustAboveTwentyPercentOfAr_MediumForItsWholeBalance()
    {
        // Arrange
        var ledger = FiveEqual(2_000.01m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Payer, "A"), finding.Subject);
        Assert.Equal(2_000.01m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Field: "share_of_ar_percent", Expected: "<= 20.00" });
        CollectionsAssert.WellFormed(finding, "A");
        CollectionsAssert.MoneyInBothLanguages(finding, 2_000.01m);
    }

    [Fact]
    public void Evaluate_EveryPayerAtExactlyTwentyPercent_NoFinding()
    {
        // Arrange
        var ledger = FiveEqual(2_000m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_JustOverAQuarterOfTheBalanceOver90Days_FindingForThe90PlusPart()
    {
        // Arrange
        var ledger = AgedPayer(1_000.01m, 91);

        // Act
        var finding = Assert.Single(ledger.Run(_rule), f => f.Subject.Id == "X");

        // Assert
        Assert.Equal(1_000.01m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { RowId: "X2", Field: "due_date" });
        Assert.Contains("90", finding.Title.En, StringComparison.Ordinal);
        CollectionsAssert.Bilingual(finding.Title);
    }

    [Fact]
    public void Evaluate_ExactlyAQuarterOfTheBalanceOver90Days_NoFinding()
    {
        // Arrange
        var ledger = AgedPayer(1_000m, 91);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.DoesNotContain(findings, f => f.Subject.Id == "X");
    }

    [Fact]
    public void Evaluate_OldestBalanceExactly90DaysPastDue_NotYetIn90Plus()
    {
        // Arrange
        var ledger = AgedPayer(5_000m, 90);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.DoesNotContain(findings, f => f.Subject.Id == "X");
        Assert.Contains(findings, f => f.Subject.Id == "Y");
    }

    [Fact]
    public void Evaluate_NoOpenAr_NoFinding()
    {
        // Arrange
        var ledger = new TestLedger().Payer("A");
        Line(ledger, "FA", "A", 0m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void RequiredSheets_Always_InvoicesOnly()
    {
        // Assert
        Assert.Equal(["invoices"], _rule.RequiredSheets);
    }
}
