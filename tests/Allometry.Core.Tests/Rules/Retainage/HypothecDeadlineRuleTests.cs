namespace Allometry.Core.Tests.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Retainage;
using static Allometry.Core.Tests.Rules.Retainage.RetainageAssert;

public sealed class HypothecDeadlineRuleTests
{
    private readonly HypothecDeadlineRule _rule = new();

    /// <summary>Fin des travaux <paramref name="finDaysAgo"/> days ago; a paid progress invoice and an unpaid final one (11,497.50).</summary>
    private static TestLedger AfterFin(int finDaysAgo, Func<Project, Project>? with = null)
    {
        var fin = Day(-finDaysAgo);
        return new TestLedger()
            .Payer("P1")
            .Project("PRJ", "P1", Province.QC, p => (with ?? (x => x))(Quebec(p) with { RetainagePct = 0m, ReceptionOn = fin, FinTravauxOn = fin }))
            .Invoice("F1", "P1", "PRJ", 20_000m, issued: fin.AddDays(-40), balance: 0m)
            .Invoice("F2", "P1", "PRJ", 10_000m, InvoiceKind.Final, issued: fin);
    }

    [Fact]
    public void Evaluate_SevenDaysLeftWithMoneyOwed_RaisesCriticalWithTheBalances()
    {
        // Arrange
        var ledger = AfterFin(23);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Project, "PRJ"), finding.Subject);
        Assert.Equal(11_497.50m, finding.AmountAtRisk);
        Assert.Contains("7 days", finding.Title.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EightDaysLeft_RaisesNothingYet()
    {
        // Arrange
        var ledger = AfterFin(22);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_LastDayOfTheWindow_SaysToday()
    {
        // Arrange
        var ledger = AfterFin(30);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Contains("today", finding.Title.En, StringComparison.Ordinal);
        Assert.Contains("aujourd'hui", finding.Title.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WindowClosed_RaisesNothing()
    {
        // Arrange: the hypothec can no longer be preserved; a "register" card would be wrong.
        var ledger = AfterFin(31);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_EverythingPaid_RaisesNothing()
    {
        // Arrange
        var ledger = AfterFin(25);
        ledger.Invoices[1] = ledger.Invoices[1] with { Balance = 0m, Status = InvoiceStatus.Paid };

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_OnlyRetenueUnbilled_CountsItAsOwed()
    {
        // Arrange: every invoice paid, 3,000.00 of retenue never billed for release.
        var ledger = AfterFin(25);
        ledger.Invoices[1] = ledger.Invoices[1] with { Balance = 0m, Status = InvoiceStatus.Paid, RetainageHeld = 3_000m };
        ledger.Hold("PRJ", "F2", 3_000m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(3_000.00m, finding.AmountAtRisk);
        Assert.Contains("$3,000.00 of retainage", finding.Detail.En, StringComparison.Ordinal);
        Cites(finding, LedgerSheets.Retainage, "PRJ/F2", "held_amount");
    }

    [Fact]
    public void Evaluate_HoldbackLeftInABalancePaidNet_IsNotCountedTwice()
    {
        // Arrange: F2 billed gross (11,497.50), paid net of its 1,149.75 holdback.
        var ledger = AfterFin(25);
        ledger.Invoices[1] = ledger.Invoices[1] with { Balance = 1_149.75m, RetainageHeld = 1_149.75m };
        ledger.Hold("PRJ", "F2", 1_149.75m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(1_149.75m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_OntarioSite_RaisesNothing()
    {
        // Arrange
        var ledger = AfterFin(25, p => p with { SiteProvince = Province.ON });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_Finding_SpeaksBothLanguagesAndCitesFinDesTravauxAndTheBalance()
    {
        // Arrange
        var ledger = AfterFin(25);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Bilingual(finding);
        Assert.Contains("$11,497.50", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("11\u00A0497,50\u00A0$", finding.Detail.Fr, StringComparison.Ordinal);
        Assert.Contains(Iso(Day(5)), finding.SuggestedAction.Fr, StringComparison.Ordinal);
        Assert.Equal(Iso(Day(-25)), Cites(finding, LedgerSheets.Projects, "PRJ", "fin_travaux_on").Actual);
        Assert.Equal("11497.50", Cites(finding, LedgerSheets.Invoices, "F2", "balance").Actual);
        Assert.DoesNotContain(finding.Evidence, e => e.RowId == "F1");
    }
}
