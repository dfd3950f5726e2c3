namespace Allometry.Core.Tests.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Retainage;
using static Allometry.Core.Tests.Rules.Retainage.RetainageAssert;

public sealed class RetenueReleaseDueRuleTests
{
    private readonly RetenueReleaseDueRule _rule = new();

    /// <summary>Réception <paramref name="receptionDaysAgo"/> days ago; 2,000.00 + 3,000.00 of retenue held on two paid invoices.</summary>
    private static TestLedger AfterReception(int receptionDaysAgo, Func<Project, Project>? with = null)
    {
        var reception = Day(-receptionDaysAgo);
        return new TestLedger()
            .Payer("P1")
            .Project("PRJ", "P1", Province.QC, p => (with ?? (x => x))(Quebec(p) with { ReceptionOn = reception }))
            .Invoice("F1", "P1", "PRJ", 18_000m, issued: reception.AddDays(-60), balance: 0m, with: i => i with { RetainageHeld = 2_000m })
            .Invoice("F2", "P1", "PRJ", 27_000m, InvoiceKind.Final, issued: reception.AddDays(-5), balance: 0m, with: i => i with { RetainageHeld = 3_000m })
            .Hold("PRJ", "F1", 2_000m)
            .Hold("PRJ", "F2", 3_000m);
    }

    [Fact]
    public void Evaluate_31DaysAfterReceptionWithoutReleaseInvoice_RaisesHighWithTheRetenue()
    {
        // Arrange
        var ledger = AfterReception(31);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Project, "PRJ"), finding.Subject);
        Assert.Equal(5_000.00m, finding.AmountAtRisk);
        Assert.Equal("P1", finding.PayerId);
    }

    [Fact]
    public void Evaluate_30DaysAfterReception_RaisesNothingYet()
    {
        // Arrange
        var ledger = AfterReception(30);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData(45, false)]
    [InlineData(46, true)]
    public void Evaluate_ProjectReleaseDays_OverrideTheDefault(int receptionDaysAgo, bool fires)
    {
        // Arrange
        var ledger = AfterReception(receptionDaysAgo, p => p with { ReleaseDays = 45 });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(fires ? 1 : 0, findings.Count);
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(61, true)]
    public void Evaluate_ProjectWithoutReleaseDays_UsesTheTenantSetting(int receptionDaysAgo, bool fires)
    {
        // Arrange
        var ledger = AfterReception(receptionDaysAgo, p => p with { ReleaseDays = null, ReleaseRule = null });
        var settings = RuleSettings.Default with { QuebecReleaseDays = 60 };

        // Act
        var findings = ledger.Run(_rule, settings);

        // Assert
        Assert.Equal(fires ? 1 : 0, findings.Count);
    }

    [Fact]
    public void Evaluate_ReleaseInvoiceCoversEveryHold_RaisesNothing()
    {
        // Arrange
        var ledger = AfterReception(50).Invoice("REL", "P1", "PRJ", 5_000m, InvoiceKind.RetainageRelease, issued: Day(-15));
        for (var i = 0; i < ledger.Holds.Count; i++) ledger.Holds[i] = ledger.Holds[i] with { ReleaseInvoiceId = "REL", ReleasedOn = Day(-15) };

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_HalfReleasedAtReceptionRestDueAtAcceptance_WaitsForTheAcceptanceDate()
    {
        // Arrange: réception avec réserves released F1's hold; F2's is due at final acceptance, 10 days from now.
        var ledger = AfterReception(50).Invoice("REL", "P1", "PRJ", 2_000m, InvoiceKind.RetainageRelease, issued: Day(-18));
        ledger.Holds[0] = ledger.Holds[0] with { ReleaseInvoiceId = "REL", ReleasedOn = Day(-18) };
        ledger.Holds[1] = ledger.Holds[1] with { ReleaseDueOn = Day(10) };

        // Act
        var now = ledger.Run(_rule);
        var later = ledger.Run(_rule, asOf: Day(11));

        // Assert
        Assert.Empty(now);
        var finding = Assert.Single(later);
        Assert.Equal(3_000.00m, finding.AmountAtRisk);
        Assert.Contains("$2,000.00", finding.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoReceptionNorRecordedDate_RaisesNothing()
    {
        // Arrange: CCQ 2111 — nothing is due before réception.
        var ledger = AfterReception(90, p => p with { ReceptionOn = null });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_OntarioSite_IsLeftToHoldbackReleaseDue()
    {
        // Arrange
        var ledger = AfterReception(90, p => p with { SiteProvince = Province.ON });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NoRetainageSheet_ReadsTheInvoicesRetainageHeld()
    {
        // Arrange
        var ledger = AfterReception(31);

        // Act
        var finding = Assert.Single(RunWithout(ledger, _rule, LedgerSheets.Retainage));

        // Assert
        Assert.Equal(5_000.00m, finding.AmountAtRisk);
        Cites(finding, LedgerSheets.Invoices, "F2", "retainage_held");
    }

    [Fact]
    public void Evaluate_Finding_SpeaksBothLanguagesAndCitesReceptionAndHolds()
    {
        // Arrange
        var ledger = AfterReception(50);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Bilingual(finding);
        Assert.Contains("$5,000.00", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("5\u00A0000,00\u00A0$", finding.Detail.Fr, StringComparison.Ordinal);
        Assert.Contains(Iso(Day(-20)), finding.Detail.Fr, StringComparison.Ordinal);
        Assert.Equal(Iso(Day(-50)), Cites(finding, LedgerSheets.Projects, "PRJ", "reception_on").Actual);
        Cites(finding, LedgerSheets.Retainage, "PRJ/F1", "release_invoice_id");
        Cites(finding, LedgerSheets.Retainage, "PRJ/F2", "release_invoice_id");
    }
}
