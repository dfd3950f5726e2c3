namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Collections;

public sealed class UnappliedCashRuleTests
{
    private static readonly DateOnly AsOf = TestLedger.AsOf;
    private readonly UnappliedCashRule _rule = new();

    private static TestLedger WithOpenInvoice() => new TestLedger().Payer("P").Invoice("F1", "P", null, 4_000m, issued: AsOf.AddDays(-40));

    [Fact]
    public void Evaluate_PaymentUnappliedTwentyDaysWhileAnInvoiceIsOpen_MediumOnThePayment()
    {
        // Arrange
        var ledger = WithOpenInvoice().Payment("M1", "P", 5_000m, AsOf.AddDays(-20));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Payment, "M1"), finding.Subject);
        Assert.Equal(5_000m, finding.AmountAtRisk);
        Assert.Equal("P", finding.PayerId);
        Assert.Contains(finding.Evidence, e => e is { Sheet: "payments", RowId: "M1", Actual: "5000.00" });
        CollectionsAssert.WellFormed(finding, "M1", "F1");
        CollectionsAssert.MoneyInBothLanguages(finding, 5_000m);
    }

    [Fact]
    public void Evaluate_UnappliedForSevenDays_NotYet()
    {
        // Arrange
        var ledger = WithOpenInvoice().Payment("M1", "P", 5_000m, AsOf.AddDays(-7));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_UnappliedForEightDays_Flagged()
    {
        // Arrange
        var ledger = WithOpenInvoice().Payment("M1", "P", 5_000m, AsOf.AddDays(-8));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Single(findings);
    }

    [Fact]
    public void Evaluate_PaymentPartlyApplied_OnlyTheUnappliedPart()
    {
        // Arrange
        var ledger = WithOpenInvoice().Invoice("F0", "P", null, 1_000m, balance: 0m)
            .Payment("M1", "P", 5_000m, AsOf.AddDays(-20), ("F0", 1_149.75m));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(3_850.25m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_PayerHasNoOpenInvoice_NoFinding()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P").Invoice("F1", "P", null, 4_000m, balance: 0m)
            .Payment("M1", "P", 5_000m, AsOf.AddDays(-20));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_AgingExportAloneWithANegativeLine_FindingOnTheCreditLine()
    {
        // Arrange: an aging export brings payers and invoices only.
        var ledger = WithOpenInvoice()
            .Invoice("PMT-881", "P", null, -2_500m, issued: AsOf.AddDays(-20),
                with: i => i with { Gst = 0m, Qst = 0m, Total = -2_500m, Balance = -2_500m, Origin = InvoiceOrigin.AgingDetail });
        var snapshot = ledger.Snapshot([LedgerSheets.Payers, LedgerSheets.Invoices]);
        var engine = new RuleEngine([_rule]);

        // Act
        var evaluation = engine.Evaluate(new RuleContext(snapshot, AsOf, RuleSettings.Default));

        // Assert
        Assert.Empty(evaluation.Skipped);
        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "PMT-881"), finding.Subject);
        Assert.Equal(2_500m, finding.AmountAtRisk);
        CollectionsAssert.WellFormed(finding, "PMT-881");
    }

    [Fact]
    public void Evaluate_WorkbookCreditNoteWithAPaymentsSheet_LeftToUnappliedDeposit()
    {
        // Arrange
        var ledger = WithOpenInvoice()
            .Invoice("CN1", "P", null, -2_500m, issued: AsOf.AddDays(-20), with: i => i with { Total = -2_874.38m, Balance = -2_874.38m });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_WorkbookWithoutPaymentsSheet_NegativeLineCountsAsCash()
    {
        // Arrange
        var ledger = WithOpenInvoice()
            .Invoice("CR1", "P", null, -2_500m, issued: AsOf.AddDays(-20), with: i => i with { Gst = 0m, Qst = 0m, Total = -2_500m, Balance = -2_500m });
        var context = new RuleContext(ledger.Snapshot([LedgerSheets.Meta, LedgerSheets.Payers, LedgerSheets.Invoices]), AsOf, RuleSettings.Default);

        // Act
        var finding = Assert.Single(_rule.Evaluate(context));

        // Assert
        Assert.Equal(2_500m, finding.AmountAtRisk);
    }

    [Fact]
    public void RequiredSheets_Always_InvoicesOnly()
    {
        // Assert
        Assert.Equal(["invoices"], _rule.RequiredSheets);
    }
}
