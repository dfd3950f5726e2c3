namespace Allometry.Core.Tests.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Retainage;
using static Allometry.Core.Tests.Rules.Retainage.RetainageAssert;

public sealed class RetainageAgedMisclassifiedRuleTests
{
    private readonly RetainageAgedMisclassifiedRule _rule = new();

    /// <summary>
    /// A Quebec invoice billed gross (11,497.50), due <paramref name="daysPastDue"/> days ago and
    /// paid net of its 1,149.75 holdback, whose release is due in 75 days.
    /// </summary>
    private static TestLedger PaidNet(int daysPastDue, decimal? balance = null, DateOnly? releaseDue = null) =>
        new TestLedger()
            .Payer("P1")
            .Project("PRJ", "P1", Province.QC, Quebec)
            .Invoice("F1", "P1", "PRJ", 10_000m, issued: Day(-daysPastDue - 30), balance: balance ?? 1_149.75m,
                with: i => i with { RetainageHeld = 1_149.75m })
            .Hold("PRJ", "F1", 1_149.75m, h => h with { ReleaseDueOn = releaseDue ?? Day(75) });

    [Fact]
    public void Evaluate_HoldbackPaidNetAged70Days_RaisesInfoWithTheHoldback()
    {
        // Arrange
        var ledger = PaidNet(70);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "F1"), finding.Subject);
        Assert.Equal(1_149.75m, finding.AmountAtRisk);
        Assert.Equal("PRJ", finding.ProjectId);
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(61, true)]
    public void Evaluate_DaysPastDue_StartsAtThe61To90Bucket(int daysPastDue, bool fires)
    {
        // Arrange
        var ledger = PaidNet(daysPastDue);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(fires ? 1 : 0, findings.Count);
    }

    [Fact]
    public void Evaluate_ReleaseAlreadyDue_IsLeftToTheReleaseRules()
    {
        // Arrange
        var ledger = PaidNet(100, releaseDue: Day(-1));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_HoldbackRecordedBeforeTaxWithheldWithItsTax_RaisesTheWholeBalance()
    {
        // Arrange: 1,000.00 recorded before tax; the payer withheld it with GST + QST (1,149.75).
        var ledger = PaidNet(70);
        ledger.Invoices[0] = ledger.Invoices[0] with { RetainageHeld = 1_000m };
        ledger.Holds[0] = ledger.Holds[0] with { HeldAmount = 1_000m };

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(1_149.75m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_NetBilledInvoiceNeverPaid_IsARealOverdueNotHoldback()
    {
        // Arrange: balance = the whole total, so nothing says it is holdback.
        var ledger = PaidNet(100, balance: 11_497.50m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_BalanceBeyondTheHoldbackByMoreThanTolerance_RaisesNothing()
    {
        // Arrange
        var ledger = PaidNet(70, balance: 1_150.76m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_HoldAlreadyReleased_RaisesNothing()
    {
        // Arrange
        var ledger = PaidNet(70);
        ledger.Holds[0] = ledger.Holds[0] with { ReleaseInvoiceId = "REL", ReleasedOn = Day(-5) };

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NoRetainageSheetNorProjects_ReadsTheColumnAndCountsTheReleaseAsNotDue()
    {
        // Arrange
        var ledger = PaidNet(95);
        var sheets = LedgerSheets.All.Where(s => s is not (LedgerSheets.Retainage or LedgerSheets.Projects));
        var context = new RuleContext(ledger.Snapshot(sheets), TestLedger.AsOf, RuleSettings.Default);

        // Act
        var finding = Assert.Single(_rule.Evaluate(context));

        // Assert
        Assert.Equal(1_149.75m, finding.AmountAtRisk);
        Assert.Contains("Over 90 days", finding.Detail.En, StringComparison.Ordinal);
        Assert.Equal([LedgerSheets.Invoices], _rule.RequiredSheets);
    }

    [Fact]
    public void Evaluate_Finding_SpeaksBothLanguagesAndCitesTheInvoiceAndRelease()
    {
        // Arrange
        var ledger = PaidNet(70);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Bilingual(finding);
        Assert.Contains("$1,149.75", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("1\u00A0149,75\u00A0$", finding.Detail.Fr, StringComparison.Ordinal);
        Assert.Contains("61 à 90 j", finding.Detail.Fr, StringComparison.Ordinal);
        Assert.Equal(Iso(Day(-70)), Cites(finding, LedgerSheets.Invoices, "F1", "due_date").Actual);
        Assert.Equal("1149.75", Cites(finding, LedgerSheets.Invoices, "F1", "retainage_held").Actual);
        Assert.Equal(Iso(Day(75)), Cites(finding, LedgerSheets.Retainage, "PRJ/F1", "release_due_on").Actual);
    }
}
