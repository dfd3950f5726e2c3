namespace Allometry.Core.Tests.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Retainage;
using static Allometry.Core.Tests.Rules.Retainage.RetainageAssert;

public sealed class RetainageNeverInvoicedRuleTests
{
    private readonly RetainageNeverInvoicedRule _rule = new();

    /// <summary>A Nova Scotia project whose final invoice is <paramref name="finalDaysAgo"/> days old; 1,000.00 + 2,000.00 held.</summary>
    private static TestLedger AfterFinal(int finalDaysAgo) =>
        new TestLedger()
            .Payer("P1", Province.NS)
            .Project("PRJ", "P1", Province.NS, p => p with { SupplyType = SupplyType.Construction, RetainagePct = 10m, ReleaseRule = ReleaseRule.DaysAfterFinal, ReleaseDays = 30 })
            .Invoice("F1", "P1", "PRJ", 9_000m, issued: Day(-finalDaysAgo - 30), balance: 0m, with: i => i with { RetainageHeld = 1_000m })
            .Invoice("F2", "P1", "PRJ", 18_000m, InvoiceKind.Final, issued: Day(-finalDaysAgo), balance: 0m, with: i => i with { RetainageHeld = 2_000m })
            .Hold("PRJ", "F1", 1_000m)
            .Hold("PRJ", "F2", 2_000m);

    [Fact]
    public void Evaluate_30DaysAfterTheFinalInvoiceNothingBilled_RaisesHighWithEverythingHeld()
    {
        // Arrange
        var ledger = AfterFinal(30);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Project, "PRJ"), finding.Subject);
        Assert.Equal(3_000.00m, finding.AmountAtRisk);
        Assert.Equal("P1", finding.PayerId);
    }

    [Fact]
    public void Evaluate_29DaysAfterTheFinalInvoice_RaisesNothingYet()
    {
        // Arrange
        var ledger = AfterFinal(29);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_ReleaseInvoicedInFull_RaisesNothing()
    {
        // Arrange
        var ledger = AfterFinal(60).Invoice("REL", "P1", "PRJ", 3_000m, InvoiceKind.RetainageRelease, issued: Day(-30));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_PartialReleaseInvoice_RaisesTheRest()
    {
        // Arrange
        var ledger = AfterFinal(60).Invoice("REL", "P1", "PRJ", 1_000m, InvoiceKind.RetainageRelease, issued: Day(-30));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(2_000.00m, finding.AmountAtRisk);
        Assert.Equal("1000.00", Cites(finding, LedgerSheets.Invoices, "REL", "subtotal").Actual);
    }

    [Theory]
    [InlineData(2_999.00, false)]
    [InlineData(2_998.99, true)]
    public void Evaluate_DifferenceAtTheTolerance_IsRounding(double billed, bool fires)
    {
        // Arrange
        var ledger = AfterFinal(60).Invoice("REL", "P1", "PRJ", (decimal)billed, InvoiceKind.RetainageRelease, issued: Day(-30));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(fires ? 1 : 0, findings.Count);
    }

    [Fact]
    public void Evaluate_VoidReleaseInvoice_DoesNotCountAsBilled()
    {
        // Arrange
        var ledger = AfterFinal(60).Invoice("REL", "P1", "PRJ", 3_000m, InvoiceKind.RetainageRelease, issued: Day(-30),
            with: i => i with { Status = InvoiceStatus.Void });

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(3_000.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_NoFinalInvoice_RaisesNothing()
    {
        // Arrange
        var ledger = AfterFinal(90);
        ledger.Invoices[1] = ledger.Invoices[1] with { Kind = InvoiceKind.Progress };

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NoRetainageSheet_ReadsTheInvoicesRetainageHeld()
    {
        // Arrange
        var ledger = AfterFinal(45);

        // Act
        var finding = Assert.Single(RunWithout(ledger, _rule, LedgerSheets.Retainage));

        // Assert
        Assert.Equal(3_000.00m, finding.AmountAtRisk);
        Cites(finding, LedgerSheets.Invoices, "F1", "retainage_held");
        Cites(finding, LedgerSheets.Invoices, "F2", "retainage_held");
    }

    [Fact]
    public void Evaluate_RetainageSheetSilentOnTheProject_FallsBackToTheInvoices()
    {
        // Arrange
        var ledger = AfterFinal(45);
        ledger.Holds.Clear();

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(3_000.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_NoProjectsSheet_StillRunsAndRoutesToTheFinalInvoicesPayer()
    {
        // Arrange
        var ledger = AfterFinal(45);
        ledger.Projects.Clear();

        // Act
        var finding = Assert.Single(RunWithout(ledger, _rule, LedgerSheets.Projects));

        // Assert
        Assert.Equal("P1", finding.PayerId);
        Assert.Equal("PRJ", finding.ProjectId);
        Assert.Contains("PRJ", finding.Title.En, StringComparison.Ordinal);
        Assert.Equal([LedgerSheets.Invoices], _rule.RequiredSheets);
    }

    [Fact]
    public void Evaluate_Finding_SpeaksBothLanguagesAndCitesTheFinalInvoiceAndHolds()
    {
        // Arrange
        var ledger = AfterFinal(75);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Bilingual(finding);
        Assert.Contains("$3,000.00", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("3\u00A0000,00\u00A0$", finding.Detail.Fr, StringComparison.Ordinal);
        Assert.Contains("75 days", finding.Detail.En, StringComparison.Ordinal);
        Assert.Equal(Iso(Day(-75)), Cites(finding, LedgerSheets.Invoices, "F2", "issue_date").Actual);
        Assert.Equal("1000.00", Cites(finding, LedgerSheets.Retainage, "PRJ/F1", "held_amount").Actual);
        Cites(finding, LedgerSheets.Retainage, "PRJ/F2", "held_amount");
    }
}
