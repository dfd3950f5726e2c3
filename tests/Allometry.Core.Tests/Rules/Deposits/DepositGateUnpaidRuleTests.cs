namespace Allometry.Core.Tests.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Deposits;

public sealed class DepositGateUnpaidRuleTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;
    private readonly DepositGateUnpaidRule _rule = new();

    /// <summary>A QC project sold at 10,000.00 with a 50 % deposit (5,000.00 before tax), invoiced but unpaid.</summary>
    private static TestLedger Sold(decimal? quotePct = 50m, Func<Project, Project>? project = null) => new TestLedger()
        .Payer("P1")
        .Project("PRJ", "P1", Province.QC, p => (project ?? (x => x))(p with { Status = ProjectStatus.Active }))
        .Quote("Q1", "PRJ", 10_000.00m, AsOf.AddDays(-10), quotePct)
        .Invoice("D1", "P1", "PRJ", 5_000.00m, InvoiceKind.Deposit, issued: AsOf.AddDays(-10));

    [Fact]
    public void Evaluate_UnpaidDepositDeliveryInFiveDays_HighForTheWholeDeposit()
    {
        // Arrange
        var ledger = Sold().Delivery("PRJ", AsOf.AddDays(5));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Project, "PRJ"), finding.Subject);
        Assert.Equal(5_000.00m, finding.AmountAtRisk);
        Assert.Equal("P1", finding.PayerId);
        Assert.Equal("PRJ", finding.ProjectId);
        Assert.Equal("DepositGateUnpaid", finding.RuleId);
        Assert.Equal(1, finding.RuleVersion);
    }

    [Fact]
    public void Evaluate_DepositPaidInFull_NoFinding()
    {
        // Arrange
        var ledger = Sold().Delivery("PRJ", AsOf.AddDays(5));
        ledger.Payment("PM1", "P1", 5_748.75m, AsOf.AddDays(-5), ("D1", 5_748.75m));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData(4_999.99, false)] // one cent short: within the 1.00 tolerance
    [InlineData(4_999.00, false)] // exactly at tolerance
    [InlineData(4_998.99, true)]  // one cent beyond tolerance
    public void Evaluate_PartialDepositAroundTolerance_FlagsOnlyBeyondIt(double paid, bool flagged)
    {
        // Arrange
        var amount = (decimal)paid;
        var ledger = Sold().Delivery("PRJ", AsOf.AddDays(3));
        ledger.Payment("PM1", "P1", amount, AsOf.AddDays(-5), ("D1", amount));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
        if (flagged) Assert.Equal(5_000.00m - amount, findings[0].AmountAtRisk);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Evaluate_DeliveryAtTheLeadBoundary_HighOnlyWithinSevenDays(int daysAway, bool flagged)
    {
        // Arrange
        var ledger = Sold().Delivery("PRJ", AsOf.AddDays(daysAway));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
        if (flagged) Assert.Equal(Severity.High, findings[0].Severity);
    }

    [Fact]
    public void Evaluate_LeadDaysFromSettings_WidensTheGate()
    {
        // Arrange
        var ledger = Sold().Delivery("PRJ", AsOf.AddDays(10));

        // Act
        var findings = ledger.Run(_rule, RuleSettings.Default with { DepositGateLeadDays = 10 });

        // Assert
        Assert.Single(findings);
    }

    [Fact]
    public void Evaluate_AlreadyDeliveredOnPartialDeposit_CriticalForTheShortfall()
    {
        // Arrange
        var ledger = Sold()
            .Delivery("PRJ", AsOf.AddDays(-12), DeliveryStatus.Delivered, AsOf.AddDays(-12))
            .Delivery("PRJ", AsOf.AddDays(30));
        ledger.Payment("PM1", "P1", 2_000.00m, AsOf.AddDays(-10), ("D1", 2_000.00m));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal(3_000.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Deliveries, Field: "delivered_on" } && e.Actual == "2026-11-08");
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.PaymentApplications, RowId: "PM1/D1", Actual: "2000.00" });
    }

    [Fact]
    public void Evaluate_PendingDeliveryAlreadyOverdue_High()
    {
        // Arrange
        var ledger = Sold().Delivery("PRJ", AsOf.AddDays(-2));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("overdue", finding.Title.En, StringComparison.Ordinal);
        Assert.Contains("en retard", finding.Title.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OnlyACancelledDelivery_NoFinding()
    {
        // Arrange
        var ledger = Sold().Delivery("PRJ", AsOf.AddDays(2), DeliveryStatus.Cancelled);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_QuoteWithoutPercentage_TakesTheProjectPercentage()
    {
        // Arrange
        var ledger = Sold(quotePct: null, project: p => p with { DepositPct = 30m }).Delivery("PRJ", AsOf.AddDays(2));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(3_000.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_QuotePercentage_WinsOverTheProjects()
    {
        // Arrange
        var ledger = Sold(quotePct: 50m, project: p => p with { DepositPct = 30m }).Delivery("PRJ", AsOf.AddDays(2));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(5_000.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_NoDepositInvoiceAtAll_FlagsTheWholeDeposit()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1").Project("PRJ", "P1", Province.ON)
            .Quote("Q1", "PRJ", 12_345.67m, AsOf.AddDays(-3), 50m)
            .Delivery("PRJ", AsOf.AddDays(1));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(6_172.84m, finding.AmountAtRisk); // 6,172.835 rounds half away from zero
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Projects, RowId: "PRJ", Field: "deposit_invoice" });
    }

    [Theory]
    [InlineData(QuoteStatus.Sent)]
    [InlineData(QuoteStatus.Expired)]
    public void Evaluate_QuoteNotAccepted_NoFinding(QuoteStatus status)
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1").Project("PRJ", "P1", Province.QC)
            .Quote("Q1", "PRJ", 10_000.00m, null, 50m, status)
            .Delivery("PRJ", AsOf.AddDays(2));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_ClosedProject_LeftToCollections()
    {
        // Arrange
        var ledger = Sold(project: p => p with { Status = ProjectStatus.Closed })
            .Delivery("PRJ", AsOf.AddDays(-40), DeliveryStatus.Delivered, AsOf.AddDays(-40));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_Finding_SpeaksBothLanguagesWithEvidence()
    {
        // Arrange
        var ledger = Sold().Delivery("PRJ", AsOf.AddDays(5));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        FindingAssert.IsBilingualWithEvidence(finding);
        FindingAssert.DetailStates(finding, 5_000.00m);
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Quotes, RowId: "Q1", Field: "deposit_pct", Actual: "50" });
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Invoices, RowId: "D1", Field: "applied", Actual: "0.00" });
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Deliveries, Field: "scheduled_on" } && e.Actual == "2026-11-25");
    }

    [Fact]
    public void RequiredSheets_AreWhatTheRuleReads()
    {
        // Act
        var sheets = _rule.RequiredSheets;

        // Assert
        Assert.Equal(
            [LedgerSheets.Deliveries, LedgerSheets.Invoices, LedgerSheets.PaymentApplications, LedgerSheets.Quotes],
            sheets.Order(StringComparer.Ordinal));
    }
}
