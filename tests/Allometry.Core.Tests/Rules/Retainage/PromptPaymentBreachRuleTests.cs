namespace Allometry.Core.Tests.Rules.Retainage;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Retainage;
using static Allometry.Core.Tests.Rules.Retainage.RetainageAssert;

public sealed class PromptPaymentBreachRuleTests
{
    private readonly PromptPaymentBreachRule _rule = new();

    /// <summary>An Ontario construction contract of 2025 with a progress invoice (11,300.00) issued <paramref name="daysAgo"/> days ago, net 45.</summary>
    private static TestLedger Unpaid(int daysAgo, Func<Project, Project>? with = null, InvoiceKind kind = InvoiceKind.Progress, decimal? balance = null) =>
        new TestLedger()
            .Payer("P1", Province.ON)
            .Project("PRJ", "P1", Province.ON, p => (with ?? (x => x))(Ontario(p) with { ContractDate = new(2025, 3, 1) }))
            .Invoice("F1", "P1", "PRJ", 10_000m, kind, issued: Day(-daysAgo), due: Day(-daysAgo + 45), balance: balance);

    [Fact]
    public void Evaluate_Day29Unpaid_RaisesHighWithTheBalance()
    {
        // Arrange
        var ledger = Unpaid(29);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.Invoice, "F1"), finding.Subject);
        Assert.Equal(11_300.00m, finding.AmountAtRisk);
        Assert.Equal("P1", finding.PayerId);
        Assert.Equal("PRJ", finding.ProjectId);
    }

    [Fact]
    public void Evaluate_Day28Unpaid_RaisesNothingYet()
    {
        // Arrange
        var ledger = Unpaid(28);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_Paid_RaisesNothing()
    {
        // Arrange
        var ledger = Unpaid(40, balance: 0m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_PartlyPaid_RaisesWhatIsLeft()
    {
        // Arrange
        var ledger = Unpaid(40, balance: 4_300m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(4_300.00m, finding.AmountAtRisk);
    }

    [Theory]
    [InlineData("2019-09-30", false)]
    [InlineData("2019-10-01", true)]
    public void Evaluate_ContractDate_DecidesWhetherTheRegimeApplies(string contractDate, bool fires)
    {
        // Arrange
        var ledger = Unpaid(40, p => p with { ContractDate = Parse(contractDate) });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(fires ? 1 : 0, findings.Count);
    }

    [Fact]
    public void Evaluate_UnknownContractDate_IsNotJudged()
    {
        // Arrange
        var ledger = Unpaid(40, p => p with { ContractDate = null });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData(Province.QC, SupplyType.Construction)]
    [InlineData(Province.ON, SupplyType.Goods)]
    public void Evaluate_NotAnOntarioConstructionContract_RaisesNothing(Province site, SupplyType supply)
    {
        // Arrange
        var ledger = Unpaid(40, p => p with { SiteProvince = site, SupplyType = supply });

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData(InvoiceKind.Deposit, false)]
    [InlineData(InvoiceKind.RetainageRelease, false)]
    [InlineData(InvoiceKind.Final, true)]
    public void Evaluate_InvoiceKind_OnlyProgressAndFinalAreProperInvoices(InvoiceKind kind, bool fires)
    {
        // Arrange
        var ledger = Unpaid(40, kind: kind);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Equal(fires ? 1 : 0, findings.Count);
    }

    [Fact]
    public void Evaluate_OnlyTheHoldbackLeftAfterANetPayment_IsNoBreach()
    {
        // Arrange: billed gross, paid net of the 1,130.00 holdback the owner may retain.
        var ledger = Unpaid(40, balance: 1_130m);
        ledger.Invoices[0] = ledger.Invoices[0] with { RetainageHeld = 1_130m };
        ledger.Hold("PRJ", "F1", 1_130m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_Finding_SpeaksBothLanguagesAndCitesTheDeadlines()
    {
        // Arrange
        var ledger = Unpaid(32);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Bilingual(finding);
        Assert.Contains("$11,300.00", finding.Detail.En, StringComparison.Ordinal);
        Assert.Contains("11\u00A0300,00\u00A0$", finding.Detail.Fr, StringComparison.Ordinal);
        Assert.Contains("day 32", finding.Detail.En, StringComparison.Ordinal);
        Assert.Equal($"0.00 by {Iso(Day(-4))}", Cites(finding, LedgerSheets.Invoices, "F1", "balance").Expected);
        Assert.Equal($"by {Iso(Day(-18))}", Cites(finding, LedgerSheets.Invoices, "F1", "notice_of_non_payment").Expected);
        Assert.Equal("2025-03-01", Cites(finding, LedgerSheets.Projects, "PRJ", "contract_date").Actual);
    }
}
