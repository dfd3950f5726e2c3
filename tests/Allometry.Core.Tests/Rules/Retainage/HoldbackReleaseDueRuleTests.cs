namespace Allometry.Core.Tests.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Retainage;
using static Allometry.Core.Tests.Rules.Retainage.RetainageAssert;

public sealed class HoldbackReleaseDueRuleTests
{
    private readonly HoldbackReleaseDueRule _rule = new();

    /// <summary>Two progress invoices before a CSP published <paramref name="cspDaysAgo"/> days ago, 1,000.00 + 1,500.00 held.</summary>
    private static TestLedger AfterCsp(int cspDaysAgo, Func<Project, Project>? with = null)
    {
        var csp = Day(-cspDaysAgo);
        return new TestLedger()
            .Payer("P1", Province.ON)
            .Project("PRJ", "P1", Province.ON, p => (with ?? (x => x))(Ontario(p) with { CspPublishedOn = csp }))
            .Invoice("F1", "P1", "PRJ", 9_000m, issued: csp.AddDays(-60), balance: 0m, with: i => i with { RetainageHeld = 1_000m })
            .Invoice("F2", "P1", "PRJ", 13_500m, issued: csp.AddDays(-30), balance: 0m, with: i => i with { RetainageHeld = 1_500m })
            .Hold("PRJ", "F1", 1_000m)
            .Hold("PRJ", "F2", 1_500m);
    }

    [Fact]
    public void Evaluate_61stDayAfterCspWithoutReleaseInvoice_RaisesHighWithTheOpenHoldback()
    {
        // Arrange
        var ledger = AfterCsp(61);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Project, "PRJ"), finding.Subject);
        Assert.Equal(2_500.00m, finding.AmountAtRisk);
        Assert.Equal("P1", finding.PayerId);
        Assert.Equal("PRJ", finding.ProjectId);
    }

    [Fact]
    public void Evaluate_60thDayAfterCsp_RaisesNothingWhileTheLienPeriodRuns()
    {
        // Arrange
        var ledger = AfterCsp(60);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_ShorterLienPeriodSetting_FiresFromTheDayAfterIt()
    {
        // Arrange
        var ledger = AfterCsp(46, p => p with { ReleaseDays = null });
        var settings = RuleSettings.Default with { OntarioLienPeriodDays = 45 };

        // Act
        var findings = ledger.Run(_rule, settings);

        // Assert
        Assert.Equal(2_500.00m, Assert.Single(findings).AmountAtRisk);
        Assert.Empty(AfterCsp(45, p => p with { ReleaseDays = null }).Run(_rule, settings));
    }

    [Fact]
    public void Evaluate_EveryHoldBilledForRelease_RaisesNothing()
    {
        // Arrange
        var ledger = AfterCsp(85);
        ledger.Invoice("REL", "P1", "PRJ", 2_500m, InvoiceKind.RetainageRelease, issued: Day(-20));
        for (var i = 0; i < ledger.Holds.Count; i++) ledger.Holds[i] = ledger.Holds[i] with { ReleaseInvoiceId = "REL", ReleasedOn = Day(-20) };

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_OneOfTwoHoldsReleased_RaisesTheOtherOnly()
    {
        // Arrange
        var ledger = AfterCsp(85);
        ledger.Invoice("REL", "P1", "PRJ", 1_000m, InvoiceKind.RetainageRelease, issued: Day(-20));
        ledger.Holds[0] = ledger.Holds[0] with { ReleaseInvoiceId = "REL", ReleasedOn = Day(-20) };

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(1_500.00m, finding.AmountAtRisk);
        Cites(finding, LedgerSheets.Retainage, "PRJ/F2", "release_invoice_id");
        Assert.DoesNotContain(finding.Evidence, e => e.RowId == "PRJ/F1");
    }

    [Fact]
    public void Evaluate_PartialReleaseInvoiceNoHoldNames_DeductsItFromTheHoldbackDue()
    {
        // Arrange
        var ledger = AfterCsp(85).Invoice("REL", "P1", "PRJ", 400m, InvoiceKind.RetainageRelease, issued: Day(-10));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(2_100.00m, finding.AmountAtRisk);
        Cites(finding, LedgerSheets.Invoices, "REL", "subtotal");
        Assert.Contains("$400.00", finding.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FinishingHoldbackBilledAfterTheCsp_IsNotReleasedByIt()
    {
        // Arrange
        var ledger = AfterCsp(85)
            .Invoice("F3", "P1", "PRJ", 4_500m, issued: Day(-40), balance: 0m, with: i => i with { RetainageHeld = 500m })
            .Hold("PRJ", "F3", 500m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(2_500.00m, finding.AmountAtRisk);
        Assert.DoesNotContain(finding.Evidence, e => e.RowId == "PRJ/F3");
    }

    [Fact]
    public void Evaluate_RecordedReleaseDatePassed_RaisesTheHoldsDueOnly()
    {
        // Arrange: a contract whose annual-release clause set the dates, no CSP.
        var ledger = new TestLedger()
            .Payer("P1", Province.ON)
            .Project("PRJ", "P1", Province.ON, p => Ontario(p) with { ReleaseRule = ReleaseRule.OnAnnual, ReleaseDays = 14, ContractDate = Day(-400) })
            .Invoice("F1", "P1", "PRJ", 9_000m, issued: Day(-370), balance: 0m, with: i => i with { RetainageHeld = 1_000m })
            .Invoice("F2", "P1", "PRJ", 9_000m, issued: Day(-20), balance: 0m, with: i => i with { RetainageHeld = 1_000m })
            .Hold("PRJ", "F1", 1_000m, h => h with { ReleaseDueOn = Day(-21) })
            .Hold("PRJ", "F2", 1_000m, h => h with { ReleaseDueOn = Day(344) });

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(1_000.00m, finding.AmountAtRisk);
        Cites(finding, LedgerSheets.Projects, "PRJ", "contract_date");
    }

    [Theory]
    [InlineData("2027-02-15", false)]
    [InlineData("2027-02-16", true)]
    public void Evaluate_StatutoryAnnualRelease_FiresTheDayAfterAnniversaryPlus14(string asOf, bool fires)
    {
        // Arrange: a 2026 contract, anniversary 2027-02-01, holdback accrued before it.
        var ledger = new TestLedger()
            .Payer("P1", Province.ON)
            .Project("PRJ", "P1", Province.ON, p => Ontario(p) with { ContractDate = new(2026, 2, 1) })
            .Invoice("F1", "P1", "PRJ", 9_000m, issued: new(2026, 6, 1), balance: 0m, with: i => i with { RetainageHeld = 1_000m })
            .Invoice("F2", "P1", "PRJ", 9_000m, issued: new(2027, 2, 2), balance: 0m, with: i => i with { RetainageHeld = 700m })
            .Hold("PRJ", "F1", 1_000m)
            .Hold("PRJ", "F2", 700m);

        // Act
        var findings = ledger.Run(_rule, asOf: Parse(asOf));

        // Assert
        Assert.Equal(fires ? [1_000.00m] : [], findings.Select(f => f.AmountAtRisk));
    }

    [Theory]
    [InlineData("2026-11-20", false)]
    [InlineData("2027-06-15", false)]
    [InlineData("2027-06-16", true)]
    public void Evaluate_ContractMadeBefore2026_FirstAnnualReleaseIsItsSecondAnniversaryFrom2026(string asOf, bool fires)
    {
        // Arrange: contract 2025-06-01: anniversaries 2026-06-01 (skipped) and 2027-06-01 (first release, payable by 06-15).
        var ledger = new TestLedger()
            .Payer("P1", Province.ON)
            .Project("PRJ", "P1", Province.ON, p => Ontario(p) with { ContractDate = new(2025, 6, 1) })
            .Invoice("F1", "P1", "PRJ", 9_000m, issued: new(2025, 9, 1), balance: 0m, with: i => i with { RetainageHeld = 1_000m })
            .Hold("PRJ", "F1", 1_000m);

        // Act
        var findings = ledger.Run(_rule, asOf: Parse(asOf));

        // Assert
        Assert.Equal(fires ? 1 : 0, findings.Count);
    }

    [Fact]
    public void Evaluate_QuebecSite_IsLeftToRetenueReleaseDue()
    {
        // Arrange
        var ledger = new TestLedger()
            .Payer("P1")
            .Project("PRJ", "P1", Province.QC, p => Quebec(p) with { CspPublishedOn = Day(-85), ReceptionOn = Day(-85) })
            .Invoice("F1", "P1", "PRJ", 9_000m, issued: Day(-120), balance: 0m, with: i => i with { RetainageHeld = 1_000m })
            .Hold("PRJ", "F1", 1_000m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NoRetainageSheet_ReadsTheInvoicesRetainageHeld()
    {
        // Arrange
        var ledger = AfterCsp(61);

        // Act
        var finding = Assert.Single(RunWithout(ledger, _rule, LedgerSheets.Retainage));

        // Assert
        Assert.Equal(2_500.00m, finding.AmountAtRisk);
        Cites(finding, LedgerSheets.Invoices, "F1", "retainage_held");
    }

    [Fact]
    public void Evaluate_Finding_SpeaksBothLanguagesAndCitesTheCspAndHolds()
    {
        // Arrange
        var ledger = AfterCsp(85);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Bilingual(finding);
        Assert.Contains("$2,500.00", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("2\u00A0500,00\u00A0$", finding.Detail.Fr, StringComparison.Ordinal);
        Assert.Equal(Iso(Day(-85)), Cites(finding, LedgerSheets.Projects, "PRJ", "csp_published_on").Actual);
        Assert.Equal($"billed for release by {Iso(Day(-25))}", Cites(finding, LedgerSheets.Retainage, "PRJ/F1", "release_invoice_id").Expected);
        Cites(finding, LedgerSheets.Retainage, "PRJ/F2", "release_invoice_id");
    }

    [Fact]
    public void RequiredSheets_AreProjectsAndInvoices()
    {
        // Act
        var sheets = _rule.RequiredSheets;

        // Assert
        Assert.Equal([LedgerSheets.Projects, LedgerSheets.Invoices], sheets);
        Assert.Equal("HoldbackReleaseDue", _rule.Id);
        Assert.Equal(1, _rule.Version);
    }
}
