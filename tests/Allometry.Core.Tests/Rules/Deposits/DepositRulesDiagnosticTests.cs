namespace Allometry.Core.Tests.Rules.Deposits;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Deposits;

/// <summary>What the diagnostic report can tell a prospect who sent only part of the workbook.</summary>
public sealed class DepositRulesDiagnosticTests
{
    [Fact]
    public void Evaluate_AgingOnlyLedger_SkipsTheRulesNamingTheSheetsTheyLack()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1").Project("PRJ", "P1", Province.QC)
            .Invoice("F1", "P1", "PRJ", 1_000.00m, issued: TestLedger.AsOf.AddDays(-20))
            .Invoice("C1", "P1", "PRJ", -200.00m, InvoiceKind.Other, issued: TestLedger.AsOf.AddDays(-15));
        var snapshot = ledger.Snapshot([LedgerSheets.Meta, LedgerSheets.Payers, LedgerSheets.Invoices]);
        IRule[] rules = [new DepositGateUnpaidRule(), new DepositNotInvoicedRule(), new UnappliedDepositRule(), new QuoteInvoiceVarianceRule(), new RenewalPrebillDueRule()];

        // Act
        var evaluation = new RuleEngine(rules).Evaluate(new RuleContext(snapshot, TestLedger.AsOf, RuleSettings.Default));

        // Assert
        var missing = evaluation.Skipped.ToDictionary(s => s.RuleId, s => s.MissingSheets.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal([LedgerSheets.Deliveries, LedgerSheets.PaymentApplications, LedgerSheets.Quotes], missing["DepositGateUnpaid"]);
        Assert.Equal([LedgerSheets.Quotes], missing["DepositNotInvoiced"]);
        Assert.Equal([LedgerSheets.Quotes], missing["QuoteInvoiceVariance"]);
        Assert.Equal([LedgerSheets.ServiceContracts], missing["RenewalPrebillDue"]);
        Assert.DoesNotContain("UnappliedDeposit", missing.Keys);
        Assert.Equal(["UnappliedDeposit"], evaluation.Findings.Select(f => f.RuleId));
    }
}
