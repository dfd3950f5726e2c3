namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Rules;

public sealed class CollectionsCatalogTests
{
    public static TheoryData<string> Ids =>
    [
        "PayerChangeExposure", "LinkedGroupOverLimit", "BrokenPromise", "ShortPayUnresolved", "UnappliedCash", "OverdueInvoice", "AgingConcentration",
    ];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Find_CollectionsRuleId_DiscoveredAtVersionOne(string id)
    {
        // Act
        var rule = RuleCatalog.Find(id);

        // Assert
        Assert.NotNull(rule);
        Assert.Equal(1, rule.Version);
        Assert.Equal("Allometry.Core.Rules.Collections", rule.GetType().Namespace);
        Assert.Contains("invoices", rule.RequiredSheets);
    }
}
