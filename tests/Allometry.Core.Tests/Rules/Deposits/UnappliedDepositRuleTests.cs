namespace Allometry.Core.Tests.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Deposits;

public sealed class UnappliedDepositRuleTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;
    private readonly UnappliedDepositRule _rule = new();

    /// <summary>An ON project with a progress invoice open 15 days (11,300.00 with HST).</summary>
    private static TestLedger OpenProject(int invoiceAge = 15) => new TestLedger()
        .Payer("P1", Province.ON)
        .Project("PRJ", "P1", Province.ON)
        .Invoice("F1", "P1", "PRJ", 10_000.00m, issued: AsOf.AddDays(-invoiceAge));

    /// <summary>A credit note of −2,000.00 + HST, unused.</summary>
    private static TestLedger WithCredit(TestLedger ledger, int age = 12, string payer = "P1", string project = "PRJ", decimal subtotal = -2_000.00m) =>
        ledger.Invoice("C1", payer, project, subtotal, InvoiceKind.Other, issued: AsOf.AddDays(-age));

    [Fact]
    public void Evaluate_CreditNoteUnusedWhileAnInvoiceIsOpen_MediumForTheCredit()
    {
        // Arrange
        var ledger = WithCredit(OpenProject());

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "C1"), finding.Subject);
        Assert.Equal(2_260.00m, finding.AmountAtRisk);
        Assert.Equal("PRJ", finding.ProjectId);
        Assert.Equal("P1", finding.PayerId);
    }

    [Fact]
    public void Evaluate_CreditLargerThanWhatIsOpen_CappedAtTheOpenBalance()
    {
        // Arrange
        var ledger = WithCredit(OpenProject(), subtotal: -20_000.00m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(11_300.00m, finding.AmountAtRisk);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public void Evaluate_InvoiceOpenSevenVersusEightDays_FlagsOnlyBeyondSeven(int invoiceAge, bool flagged)
    {
        // Arrange
        var ledger = WithCredit(OpenProject(invoiceAge), age: 30);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public void Evaluate_CreditIssuedSevenVersusEightDaysAgo_FlagsOnlyBeyondSeven(int creditAge, bool flagged)
    {
        // Arrange
        var ledger = WithCredit(OpenProject(30), age: creditAge);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(flagged, findings.Count == 1);
    }

    [Fact]
    public void Evaluate_OpenInvoiceOnAnotherProject_NoFinding()
    {
        // Arrange
        var ledger = WithCredit(OpenProject().Project("OTHER", "P1", Province.ON), project: "OTHER");

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_CreditOfAnotherPayerOnTheProject_NoFinding()
    {
        // Arrange
        var ledger = WithCredit(OpenProject().Payer("P2", Province.ON), payer: "P2");

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_TwoCreditsOnOneSmallInvoice_OlderCreditClaimsFirst()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.ON).Project("PRJ", "P1", Province.ON)
            .Invoice("F1", "P1", "PRJ", 1_000.00m, issued: AsOf.AddDays(-20))
            .Invoice("C1", "P1", "PRJ", -600.00m, InvoiceKind.Other, issued: AsOf.AddDays(-15))
            .Invoice("C2", "P1", "PRJ", -600.00m, InvoiceKind.Other, issued: AsOf.AddDays(-12));

        // Act
        var findings = ledger.Run(_rule).OrderBy(f => f.Subject.Id, StringComparer.Ordinal).ToList();

        // Assert
        Assert.Equal(["C1", "C2"], findings.Select(f => f.Subject.Id));
        Assert.Equal(678.00m, findings[0].AmountAtRisk);
        Assert.Equal(452.00m, findings[1].AmountAtRisk); // 1,130.00 open − 678.00 already claimed
    }

    [Fact]
    public void Evaluate_DepositPaymentPartlyAppliedToTheProject_FlagsItsUnappliedRest()
    {
        // Arrange
        var ledger = OpenProject().Invoice("D1", "P1", "PRJ", 5_000.00m, InvoiceKind.Deposit, issued: AsOf.AddDays(-60), balance: 0m);
        ledger.Payment("PM1", "P1", 7_000.00m, AsOf.AddDays(-50), ("D1", 5_650.00m));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(new FindingSubject(SubjectKind.Payment, "PM1"), finding.Subject);
        Assert.Equal(1_350.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Payments, RowId: "PM1", Field: "unapplied", Actual: "1350.00" });
    }

    [Fact]
    public void Evaluate_UnappliedPaymentReferencingAProjectInvoice_FlagsThePayment()
    {
        // Arrange
        var ledger = OpenProject().Invoice("D1", "P1", "PRJ", 5_000.00m, InvoiceKind.Deposit, issued: AsOf.AddDays(-60), balance: 0m);
        ledger.Payments.Add(new Payment { PaymentId = "PM1", PayerId = "P1", Amount = 3_000.00m, ReceivedOn = AsOf.AddDays(-30), Reference = "Deposit D1" });

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(new FindingSubject(SubjectKind.Payment, "PM1"), finding.Subject);
        Assert.Equal(3_000.00m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_UnappliedPaymentWithNoProjectTrace_LeftToUnappliedCash()
    {
        // Arrange
        var ledger = OpenProject();
        ledger.Payments.Add(new Payment { PaymentId = "PM1", PayerId = "P1", Amount = 3_000.00m, ReceivedOn = AsOf.AddDays(-30), Reference = "Prepayment" });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_WithoutPaymentSheets_StillReadsCreditNotes()
    {
        // Arrange
        var ledger = WithCredit(OpenProject());
        ledger.Payment("PM1", "P1", 7_000.00m, AsOf.AddDays(-50), ("F1", 1_000.00m));
        var sheets = LedgerSheets.All.Except([LedgerSheets.Payments, LedgerSheets.PaymentApplications]);

        // Act
        var findings = _rule.Evaluate(new RuleContext(ledger.Snapshot(sheets), AsOf, RuleSettings.Default)).ToList();

        // Assert
        Assert.Equal(["C1"], findings.Select(f => f.Subject.Id));
    }

    [Fact]
    public void Evaluate_CreditBelowTolerance_IsRounding()
    {
        // Arrange
        var ledger = OpenProject().Invoice("C1", "P1", "PRJ", -0.50m, InvoiceKind.Other, issued: AsOf.AddDays(-12));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_Finding_SpeaksBothLanguagesWithEvidence()
    {
        // Arrange
        var ledger = WithCredit(OpenProject());

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        FindingAssert.IsBilingualWithEvidence(finding);
        FindingAssert.DetailStates(finding, 2_260.00m);
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Invoices, RowId: "C1", Field: "balance", Actual: "-2260.00" });
        Assert.Contains(finding.Evidence, e => e is { Sheet: LedgerSheets.Invoices, RowId: "F1", Field: "balance", Actual: "11300.00" });
    }

    [Fact]
    public void RequiredSheets_AreInvoicesOnly()
    {
        // Act
        var sheets = _rule.RequiredSheets;

        // Assert
        Assert.Equal([LedgerSheets.Invoices], sheets);
    }
}
