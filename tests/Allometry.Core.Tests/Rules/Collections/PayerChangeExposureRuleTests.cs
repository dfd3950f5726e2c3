namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Collections;

public sealed class PayerChangeExposureRuleTests
{
    private static readonly DateOnly Handoff = TestLedger.AsOf.AddDays(-60);
    private readonly PayerChangeExposureRule _rule = new();

    /// <summary>Builder B handed project PRJ to developer D on <see cref="Handoff"/>.</summary>
    private static TestLedger HandedOff() => new TestLedger()
        .Payer("B").Payer("D")
        .Link("B", "D", EntityLinkKind.Handoff, Handoff)
        .Project("PRJ", "B", Province.QC, p => p with { CurrentPayerId = "D" });

    [Fact]
    public void Evaluate_InvoiceLeftOnBuilderAfterHandoff_HighOnTheProjectRoutedToTheDeveloper()
    {
        // Arrange
        var ledger = HandedOff().Invoice("F1", "B", "PRJ", 10_000m, issued: Handoff.AddDays(-10));
        var balance = ledger.Invoices[0].Balance;

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Project, "PRJ"), finding.Subject);
        Assert.Equal(balance, finding.AmountAtRisk);
        Assert.Equal("D", finding.PayerId);
        Assert.Equal("PRJ", finding.ProjectId);
        Assert.Contains(finding.Evidence, e => e is { Sheet: "invoices", RowId: "F1", Expected: "D", Actual: "B" });
        Assert.Contains(finding.Evidence, e => e is { Sheet: "entity_links", RowId: "B>D" } && e.Actual == "2026-09-21");
        CollectionsAssert.WellFormed(finding, "F1");
        CollectionsAssert.MoneyInBothLanguages(finding, balance);
    }

    [Fact]
    public void Evaluate_InvoiceToDeveloperIssuedOnTheHandoffDay_NoFinding()
    {
        // Arrange
        var ledger = HandedOff().Invoice("F2", "D", "PRJ", 10_000m, issued: Handoff);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_InvoiceToDeveloperIssuedTheDayBeforeTheHandoff_BilledBeforeTheTransfer()
    {
        // Arrange
        var ledger = HandedOff().Invoice("F2", "D", "PRJ", 10_000m, issued: Handoff.AddDays(-1));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(ledger.Invoices[0].Balance, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { RowId: "F2", Expected: "B", Actual: "D" });
        Assert.Contains("before it took over", finding.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InvoiceToBuilderIssuedOnTheHandoffDay_BilledToTheWrongEntity()
    {
        // Arrange
        var ledger = HandedOff().Invoice("F3", "B", "PRJ", 10_000m, issued: Handoff);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Contains(finding.Evidence, e => e is { RowId: "F3", Expected: "D", Actual: "B" });
        Assert.Contains("held the contract that day", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("relevait de", finding.Detail.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BuilderInvoicePaidInFull_NoFinding()
    {
        // Arrange
        var ledger = HandedOff().Invoice("F1", "B", "PRJ", 10_000m, issued: Handoff.AddDays(-10), balance: 0m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_BillToIsNotTheContractCustomerAndNoLinks_Flagged()
    {
        // Arrange
        var ledger = new TestLedger().Payer("C").Payer("X").Project("PRJ", "C", Province.ON)
            .Invoice("F1", "C", "PRJ", 1_000m)
            .Invoice("F2", "X", "PRJ", 2_000m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(2_260.00m, finding.AmountAtRisk);
        Assert.Equal("C", finding.PayerId);
        Assert.DoesNotContain(finding.Evidence, e => e.RowId == "F1");
    }

    [Fact]
    public void Evaluate_HandoffNamedByOneProject_BuildersOtherProjectStaysWithTheBuilder()
    {
        // Arrange
        var ledger = HandedOff().Project("KEPT", "B", Province.QC)
            .Invoice("F1", "B", "PRJ", 10_000m, issued: Handoff.AddDays(-10))
            .Invoice("K1", "B", "KEPT", 5_000m, issued: Handoff.AddDays(5));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(["Project:PRJ"], findings.Select(f => f.Subject.ToString()));
    }

    [Fact]
    public void Evaluate_HandoffNoProjectScopes_AppliesToEveryProjectOfTheBuilder()
    {
        // Arrange
        var ledger = new TestLedger().Payer("B").Payer("D").Link("B", "D", EntityLinkKind.Handoff, Handoff)
            .Project("P1", "B", Province.QC)
            .Invoice("F1", "B", "P1", 1_000m, issued: Handoff.AddDays(-3));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal("D", finding.PayerId);
        Assert.Equal(ledger.Invoices[0].Balance, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_DeclaredCurrentPayerWithoutALink_OnlyTheContractPayersInvoiceIsExposed()
    {
        // Arrange
        var ledger = new TestLedger().Payer("C").Payer("N")
            .Project("PRJ", "C", Province.QC, p => p with { CurrentPayerId = "N" })
            .Invoice("OLD", "C", "PRJ", 1_000m, issued: TestLedger.AsOf.AddDays(-40))
            .Invoice("NEW", "N", "PRJ", 3_000m, issued: TestLedger.AsOf.AddDays(-5));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(ledger.Invoices[0].Balance, finding.AmountAtRisk);
        Assert.Equal("N", finding.PayerId);
        Assert.Contains("now names", finding.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ThirdPartyPaidThreeInvoices_WholeOpenProjectBalanceOnce()
    {
        // Arrange
        var ledger = new TestLedger().Payer("C").Payer("T").Project("PRJ", "C", Province.ON)
            .Invoice("F1", "C", "PRJ", 1_000m, balance: 0m).Invoice("F2", "C", "PRJ", 1_000m, balance: 0m)
            .Invoice("F3", "C", "PRJ", 1_000m, balance: 0m).Invoice("F4", "C", "PRJ", 2_000m)
            .Payment("T1", "T", 1_130m, TestLedger.AsOf.AddDays(-30), ("F1", 1_130m))
            .Payment("T2", "T", 2_260m, TestLedger.AsOf.AddDays(-20), ("F2", 1_130m), ("F3", 1_130m));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(2_260.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Sheet: "payments", RowId: "T2", Expected: "C", Actual: "T" });
        Assert.Contains("paid 3 invoices", finding.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ThirdPartyPaidTwoInvoices_NoFinding()
    {
        // Arrange
        var ledger = new TestLedger().Payer("C").Payer("T").Project("PRJ", "C", Province.ON)
            .Invoice("F1", "C", "PRJ", 1_000m, balance: 0m).Invoice("F2", "C", "PRJ", 1_000m, balance: 0m)
            .Invoice("F4", "C", "PRJ", 2_000m)
            .Payment("T1", "T", 2_260m, TestLedger.AsOf.AddDays(-30), ("F1", 1_130m), ("F2", 1_130m));

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_LeftInvoiceAndThirdPartyOnOneProject_SameMoneyCountedOnce()
    {
        // Arrange
        var ledger = HandedOff().Payer("T")
            .Invoice("F1", "B", "PRJ", 1_000m, issued: Handoff.AddDays(-20))
            .Invoice("P1", "D", "PRJ", 1_000m, balance: 0m).Invoice("P2", "D", "PRJ", 1_000m, balance: 0m).Invoice("P3", "D", "PRJ", 1_000m, balance: 0m)
            .Invoice("F5", "D", "PRJ", 500m)
            .Payment("T1", "T", 3_449.25m, TestLedger.AsOf.AddDays(-5), ("P1", 1_149.75m), ("P2", 1_149.75m), ("P3", 1_149.75m));
        var open = ledger.Invoices.Sum(i => i.Balance);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(open, finding.AmountAtRisk);
        Assert.Single(finding.Evidence, e => e.RowId == "F1");
    }

    [Fact]
    public void Evaluate_InvoiceWithoutProjectOnASucceededPayer_FlaggedOnTheOldPayer()
    {
        // Arrange
        var ledger = new TestLedger().Payer("OLD").Payer("NEW")
            .Link("OLD", "NEW", EntityLinkKind.Successor, TestLedger.AsOf.AddDays(-100))
            .Invoice("F1", "OLD", null, 4_000m, issued: TestLedger.AsOf.AddDays(-120));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(new FindingSubject(SubjectKind.Payer, "OLD"), finding.Subject);
        Assert.Equal("NEW", finding.PayerId);
        Assert.Equal(ledger.Invoices[0].Balance, finding.AmountAtRisk);
        CollectionsAssert.WellFormed(finding, "F1", "OLD>NEW");
    }

    [Fact]
    public void Evaluate_DeveloperLaterSucceeded_FollowUpGoesToTheSuccessor()
    {
        // Arrange
        var ledger = HandedOff().Payer("HEIR")
            .Link("D", "HEIR", EntityLinkKind.Successor, Handoff.AddDays(30))
            .Invoice("F1", "B", "PRJ", 10_000m, issued: Handoff.AddDays(-10))
            .Invoice("F2", "D", "PRJ", 2_000m, issued: Handoff.AddDays(10));

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal("HEIR", finding.PayerId);
        Assert.Equal(ledger.Invoices.Sum(i => i.Balance), finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { RowId: "F2", Expected: "HEIR", Actual: "D" });
        Assert.Contains(finding.Evidence, e => e.RowId == "D>HEIR");
    }

    [Fact]
    public void RequiredSheets_Always_ProjectsAndInvoicesOnly()
    {
        // Assert
        Assert.Equal(["projects", "invoices"], _rule.RequiredSheets);
        Assert.Equal("PayerChangeExposure", _rule.Id);
    }
}
