namespace Allometry.Core.Tests.Rules.Collections;

using Allometry.Core.Entities;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Rules.Collections;

/// <summary>Group exposure after a person re-routed an exception: the invoice's money counts for the entity now holding it.</summary>
public sealed class LinkedGroupRerouteTests
{
    private readonly LinkedGroupOverLimitRule _rule = new();

    // Group P (parent of A); X stands alone. 6,000.00 billed to A and to X in QC (6,898.50 each). Group limit 10,000.
    private static TestLedger Ledger() => new TestLedger()
        .Payer("P").Payer("A").Payer("X")
        .Link("P", "A", EntityLinkKind.Parent)
        .Invoice("FA", "A", null, 6_000m).Invoice("FX", "X", null, 6_000m);

    private static RuleContext Context(TestLedger ledger, Reroutes reroutes) =>
        ledger.Context(new RuleSettings { GroupCreditLimits = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["P"] = 10_000m } })
            with { Reroutes = reroutes };

    [Fact]
    public void Evaluate_InvoiceReroutedIntoTheGroup_PushesItOverItsLimit()
    {
        // Arrange
        var ledger = Ledger();
        var reroutes = new Reroutes([new Reroute("OverdueInvoice|Invoice:FX", "A", ["FX"])]);

        // Act
        var without = _rule.Evaluate(Context(ledger, Reroutes.None)).ToList();
        var with = _rule.Evaluate(Context(ledger, reroutes)).ToList();

        // Assert
        Assert.Empty(without);
        var finding = Assert.Single(with);
        Assert.Equal(3_797.00m, finding.AmountAtRisk);
        Assert.Contains(finding.Evidence, e => e is { Sheet: "payers", RowId: "A", Actual: "13797.00" });
        Assert.Contains(finding.Evidence, e => e is { Sheet: "invoices", RowId: "FX" });
    }

    [Fact]
    public void Evaluate_InvoiceReroutedOutOfTheGroup_NoLongerCountsForIt()
    {
        // Arrange: A's invoice grows to 12,000 (13,797.00 with tax), over the limit, then is re-routed to X
        var ledger = new TestLedger()
            .Payer("P").Payer("A").Payer("X")
            .Link("P", "A", EntityLinkKind.Parent)
            .Invoice("FA", "A", null, 12_000m);
        var reroutes = new Reroutes([new Reroute("OverdueInvoice|Invoice:FA", "X", ["FA"])]);

        // Act
        var without = _rule.Evaluate(Context(ledger, Reroutes.None)).ToList();
        var with = _rule.Evaluate(Context(ledger, reroutes)).ToList();

        // Assert
        Assert.Equal(3_797.00m, Assert.Single(without).AmountAtRisk);
        Assert.Empty(with);
    }
}
