namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Collections;

public sealed class ShortPayUnresolvedRuleTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;
    private readonly ShortPayUnresolvedRule _rule = new();

    /// <summary>F1: 10,000.00 + QC tax = 11,497.50, paid <paramref name="paid"/> <paramref name="daysAgo"/> days ago.</summary>
    private static TestLedger PaidShort(decimal paid, int daysAgo, Func<Invoice, Invoice>? with = null) => new TestLedger()
        .Payer("P")
        .Invoice("F1", "P", null, 10_000m, issued: AsOf.AddDays(-50), due: AsOf.AddDays(10), balance: 11_497.50m - paid, with: with)
        .Payment("M1", "P", paid, AsOf.AddDays(-daysAgo), ("F1", paid));

    [Fact]
    public void Evaluate_PaidShortThirtyDaysAgo_MediumForTheResidual()
    {
        // Arrange
        var ledger = PaidShort(10_000m, 30);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "F1"), finding.Subject);
        Assert.Equal(1_497.50m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { RowId: "F1", Field: "balance", Expected: "0.00", Actual: "1497.50" });
        CollectionsAssert.WellFormed(finding, "M1>F1");
        CollectionsAssert.MoneyInBothLanguages(finding, 1_497.50m);
    }

    [Fact]
    public void Evaluate_LastPaymentFourteenDaysAgo_StillWithinTheGrace()
    {
        // Arrange
        var ledger = PaidShort(10_000m, 14);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_LastPaymentFifteenDaysAgo_Unresolved()
    {
        // Arrange
        var ledger = PaidShort(10_000m, 15);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Single(findings);
    }

    [Fact]
    public void Evaluate_ResidualEqualToTheTolerance_Rounding()
    {
        // Arrange
        var ledger = PaidShort(11_496.50m, 30);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_ResidualOneCentAboveTheTolerance_Flagged()
    {
        // Arrange
        var ledger = PaidShort(11_496.49m, 30);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(1.01m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_ResidualIsTheHoldbackRecordedOnTheInvoice_NotAShortPay()
    {
        // Arrange: billed gross, paid net of a 10 % holdback of 1,149.75.
        var ledger = PaidShort(10_347.75m, 40, i => i with { RetainageHeld = 1_149.75m });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_InvoiceNeverPaid_NotAShortPay()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P").Invoice("F1", "P", null, 10_000m, issued: AsOf.AddDays(-90));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void RequiredSheets_Always_InvoicesPaymentsAndApplications()
    {
        // Assert
        Assert.Equal(["invoices", "payments", "payment_applications"], _rule.RequiredSheets);
    }
}
