namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Collections;

public sealed class LinkedGroupOverLimitRuleTests
{
    private readonly LinkedGroupOverLimitRule _rule = new();

    /// <summary>Parent P over A, A's sister B; 6,000.00 billed to each of A and B in QC (6,898.50 each).</summary>
    private static TestLedger Group(decimal? parentLimit = null, decimal? memberLimit = null) => new TestLedger()
        .Payer("P", creditLimit: parentLimit).Payer("A", creditLimit: memberLimit).Payer("B")
        .Link("P", "A", EntityLinkKind.Parent).Link("A", "B", EntityLinkKind.Affiliate)
        .Invoice("FA", "A", null, 6_000m).Invoice("FB", "B", null, 6_000m);

    private static RuleSettings Limit(string root, decimal limit) =>
        new() { GroupCreditLimits = new Dictionary<string, decimal>(StringComparer.Ordinal) { [root] = limit } };

    [Fact]
    public void Evaluate_OpenArAboveTheConfiguredGroupLimit_HighForTheExcessOnTheRoot()
    {
        // Arrange
        var ledger = Group();

        // Act
        var finding = Assert.Single(ledger.Run(_rule, Limit("P", 10_000m)));

        // Assert
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(new FindingSubject(SubjectKind.LinkedGroup, "P"), finding.Subject);
        Assert.Equal(3_797.00m, finding.AmountAtRisk);
        Assert.Equal("P", finding.PayerId);
        Assert.Contains(finding.Evidence, e => e is { RowId: "P", Expected: "10000.00", Actual: "13797.00" });
        CollectionsAssert.WellFormed(finding, "FA", "FB");
        CollectionsAssert.MoneyInBothLanguages(finding, 13_797.00m);
    }

    [Fact]
    public void Evaluate_OpenArEqualToTheLimit_NoFinding()
    {
        // Arrange
        var ledger = Group();

        // Act
        var findings = ledger.Run(_rule, Limit("P", 13_797.00m));

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_OpenArOneCentAboveTheLimit_FindingForOneCent()
    {
        // Arrange
        var ledger = Group();

        // Act
        var finding = Assert.Single(ledger.Run(_rule, Limit("P", 13_796.99m)));

        // Assert
        Assert.Equal(0.01m, finding.AmountAtRisk);
    }

    [Fact]
    public void Evaluate_NoConfiguredLimit_UsesTheSumOfTheMembersLimits()
    {
        // Arrange
        var ledger = Group(parentLimit: 5_000m, memberLimit: 5_000m);

        // Act
        var finding = Assert.Single(ledger.Run(_rule));

        // Assert
        Assert.Equal(3_797.00m, finding.AmountAtRisk);
        Assert.Contains("sum of the members' credit limits", finding.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LimitConfiguredForAMemberNotTheRoot_FallsBackToTheMembersLimits()
    {
        // Arrange
        var ledger = Group(parentLimit: 20_000m);

        // Act
        var findings = ledger.Run(_rule, Limit("A", 1_000m));

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NoLimitAnywhere_NoFinding()
    {
        // Arrange
        var ledger = Group();

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_CreditNoteInTheGroup_ReducesOpenAr()
    {
        // Arrange
        var ledger = Group().Invoice("CN", "B", null, -3_797m, kind: InvoiceKind.Other, with: i => i with { Total = -3_797m, Balance = -3_797m });

        // Act
        var findings = ledger.Run(_rule, Limit("P", 10_000m));

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_HandoffPartners_AreNotAGroup()
    {
        // Arrange
        var ledger = new TestLedger().Payer("BUILDER", creditLimit: 1_000m).Payer("DEV", creditLimit: 1_000m)
            .Link("BUILDER", "DEV", EntityLinkKind.Handoff, TestLedger.AsOf.AddDays(-5))
            .Invoice("F1", "BUILDER", null, 6_000m).Invoice("F2", "DEV", null, 6_000m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_ParentLinkEffectiveAfterTheAsOfDate_NotYetAGroup()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P", creditLimit: 1_000m).Payer("A")
            .Link("P", "A", EntityLinkKind.Parent, TestLedger.AsOf.AddDays(1))
            .Invoice("F1", "A", null, 6_000m);

        // Act
        var findings = ledger.Run(_rule);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void RequiredSheets_Always_PayersLinksAndInvoices()
    {
        // Assert
        Assert.Equal(["payers", "entity_links", "invoices"], _rule.RequiredSheets);
    }
}
