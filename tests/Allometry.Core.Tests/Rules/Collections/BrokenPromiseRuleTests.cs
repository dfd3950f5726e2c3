namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Collections;

public sealed class BrokenPromiseRuleTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;
    private readonly BrokenPromiseRule _rule = new();

    /// <summary>F1: 10,000.00 + QC tax = 11,497.50, of which <paramref name="paid"/> came in 10 days ago.</summary>
    private static TestLedger Promised(DateOnly promisedOn, decimal promised, decimal paid = 1_000m, DateOnly? recorded = null)
    {
        var ledger = new TestLedger().Payer("P").Invoice("F1", "P", null, 10_000m, issued: AsOf.AddDays(-60), balance: 11_497.50m - paid);
        if (paid > 0m) ledger.Payment("M1", "P", paid, AsOf.AddDays(-10), ("F1", paid));
        ledger.Promises.Add(new PaymentPromise { PayerId = "P", InvoiceId = "F1", PromisedOn = promisedOn, PromisedAmount = promised, RecordedOn = recorded ?? AsOf.AddDays(-21) });
        return ledger;
    }

    [Fact]
    public void Evaluate_PromiseDatePassedWithAPartialPayment_MediumForTheShortfall()
    {
        // Arrange
        var ledger = Promised(AsOf.AddDays(-7), 11_497.50m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "F1"), finding.Subject);
        Assert.Equal(10_497.50m, finding.AmountAtRisk);
        Assert.Equal("P", finding.PayerId);
        Assert.Contains(finding.Evidence, e => e is { Sheet: "promises", Expected: "11497.50", Actual: "1000.00" });
        CollectionsAssert.WellFormed(finding, "F1", "M1>F1");
        CollectionsAssert.MoneyInBothLanguages(finding, 10_497.50m);
    }

    [Fact]
    public void Evaluate_PromisedForToday_NotBrokenYet()
    {
        // Arrange
        var ledger = Promised(AsOf, 11_497.50m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_PromisedForYesterday_Broken()
    {
        // Arrange
        var ledger = Promised(AsOf.AddDays(-1), 11_497.50m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Single(findings);
    }

    [Fact]
    public void Evaluate_PaidExactlyTheToleranceShort_Kept()
    {
        // Arrange
        var ledger = Promised(AsOf.AddDays(-3), 1_001.00m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_PaidOneCentMoreThanTheToleranceShort_BrokenForThatAmount()
    {
        // Arrange
        var ledger = Promised(AsOf.AddDays(-3), 1_001.01m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(1.01m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_PaymentReceivedBeforeThePromiseWasRecorded_DoesNotCount()
    {
        // Arrange: the 1,000.00 came in 10 days ago, the promise was recorded 5 days ago.
        var ledger = Promised(AsOf.AddDays(-2), 5_000m, recorded: AsOf.AddDays(-5));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(5_000.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_PromiseAboveWhatIsStillOwed_CappedAtTheBalance()
    {
        // Arrange: promised 20,000.00 on an invoice with 10,497.50 left.
        var ledger = Promised(AsOf.AddDays(-2), 20_000m, paid: 1_000m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(10_497.50m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_NewerPromiseNotYetDue_SupersedesTheBrokenOne()
    {
        // Arrange
        var ledger = Promised(AsOf.AddDays(-7), 11_497.50m);
        ledger.Promises.Add(new PaymentPromise { PayerId = "P", InvoiceId = "F1", PromisedOn = AsOf.AddDays(5), PromisedAmount = 10_497.50m, RecordedOn = AsOf.AddDays(-1) });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_PromiseNamingNoInvoice_FindingOnThePromiseAgainstThePayersPayments()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P").Invoice("F1", "P", null, 10_000m, issued: AsOf.AddDays(-60))
            .Payment("M1", "P", 2_000m, AsOf.AddDays(-4));
        ledger.Promises.Add(new PaymentPromise { PayerId = "P", PromisedOn = AsOf.AddDays(-2), PromisedAmount = 6_000m, RecordedOn = AsOf.AddDays(-9) });

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(new FindingSubject(SubjectKind.Promise, "P/2026-11-18"), finding.Subject);
        Assert.Equal(4_000.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Sheet: "payments", RowId: "M1" });
    }

    [Fact]
    public void RequiredSheets_Always_PromisesInvoicesPaymentsAndApplications()
    {
        // Assert
        Assert.Equal(["promises", "invoices", "payments", "payment_applications"], _rule.RequiredSheets);
    }
}
