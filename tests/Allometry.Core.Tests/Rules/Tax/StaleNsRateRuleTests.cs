namespace Allometry.Core.Tests.Rules.Tax;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Tax;

public sealed class StaleNsRateRuleTests
{
    private static readonly StaleNsRateRule Rule = new();

    private static TestLedger Halifax(DateOnly due, decimal hst = 150.00m, InvoiceKind kind = InvoiceKind.Progress) =>
        new TestLedger().Payer("P1", Province.NS).Project("PRJ", "P1", Province.NS, p => p with { SupplyType = SupplyType.Construction })
            .Invoice("F1", "P1", "PRJ", 1000m, kind, issued: due.AddDays(-30), due: due, with: i => i.Taxed(hst: hst));

    [Fact]
    public void Evaluate_DueOn20250401At15Percent_HighWithTheOvercharge()
    {
        // Arrange
        var ledger = Halifax(new DateOnly(2025, 4, 1));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal("StaleNsRate", finding.RuleId);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "F1"), finding.Subject);
        Assert.Equal(10.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Field: "hst", Expected: "140.00", Actual: "150.00" });
        Assert.Contains(finding.Evidence, e => e is { Field: "due_date", Actual: "2025-04-01" });
        Assert.Contains("2025-04-01", finding.Detail.En, StringComparison.Ordinal);
        TaxedInvoice.AssertBilingual(finding);
    }

    [Fact]
    public void Evaluate_DueOn20250331At15Percent_NoFinding()
    {
        // Arrange
        var ledger = Halifax(new DateOnly(2025, 3, 31));

        // Act
        var stale = ledger.Run(Rule);
        var mismatch = ledger.Run(new TaxProvinceMismatchRule());

        // Assert
        Assert.Empty(stale);
        Assert.Empty(mismatch);
    }

    [Fact]
    public void Evaluate_DueAfterTheChangeButPaidOn20250331_NoFinding()
    {
        // Arrange: tax became payable at the payment, the earlier date.
        var ledger = Halifax(new DateOnly(2025, 4, 15)).Payment("PM1", "P1", 100m, new DateOnly(2025, 3, 31), ("F1", 100m));

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_DueAfterTheChangeAndPaidOn20250401_Found()
    {
        // Arrange
        var ledger = Halifax(new DateOnly(2025, 4, 15)).Payment("PM1", "P1", 100m, new DateOnly(2025, 4, 1), ("F1", 100m));

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Contains("first payment", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("premier paiement", finding.Detail.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RetainageReleaseInvoiceAtTheOldRate_Found()
    {
        // Arrange: a release billed in 2026 for work done in 2024 is taxed at its own tax date.
        var ledger = Halifax(new DateOnly(2026, 10, 30), kind: InvoiceKind.RetainageRelease);

        // Act
        var finding = Assert.Single(ledger.Run(Rule));

        // Assert
        Assert.Equal(10.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_At14Percent_NoFinding()
    {
        // Arrange
        var ledger = Halifax(new DateOnly(2026, 10, 30), hst: 140.00m);

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_StaleRate_NotAlsoAMismatch()
    {
        // Arrange
        var ledger = Halifax(new DateOnly(2026, 10, 30));

        // Act
        var mismatch = ledger.Run(new TaxProvinceMismatchRule());

        // Assert
        Assert.Empty(mismatch);
    }

    [Fact]
    public void Evaluate_15PercentOnANewBrunswickSite_NoFinding()
    {
        // Arrange: 15 % is right in New Brunswick.
        var ledger = new TestLedger().Payer("P1", Province.NS).Project("PRJ", "P1", Province.NB)
            .Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(hst: 150.00m));

        // Act
        var findings = ledger.Run(Rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NovaScotia15PercentOnAnOntarioSite_IsAMismatchNotStale()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.NS).Project("PRJ", "P1", Province.ON)
            .Invoice("F1", "P1", "PRJ", 1000m, with: i => i.Taxed(hst: 150.00m) with { TaxProvince = Province.NS });

        // Act
        var stale = ledger.Run(Rule);
        var mismatch = ledger.Run(new TaxProvinceMismatchRule());

        // Assert
        Assert.Empty(stale);
        Assert.Equal(20.00m, Assert.Single(mismatch).AmountAtRisk);
    }
}
