namespace Allometry.Core.Tests.Entities;

using Allometry.Core.Entities;
using Allometry.Core.Ledger;

public sealed class EntityGraphTests
{
    private static readonly DateOnly Day = new(2026, 6, 1);

    private static EntityLink L(string from, string to, EntityLinkKind kind, DateOnly? on = null) =>
        new() { FromPayerId = from, ToPayerId = to, Kind = kind, EffectiveDate = on };

    [Fact]
    public void GroupOf_ParentAffiliateAndSuccessorLinks_JoinEveryMemberFromAnyMember()
    {
        // Arrange
        var graph = new EntityGraph([
            L("P", "A", EntityLinkKind.Parent), L("A", "B", EntityLinkKind.Affiliate), L("OLD", "A", EntityLinkKind.Successor, Day.AddDays(-30)),
        ]);

        // Act
        var fromLeaf = graph.GroupOf("B", Day);
        var fromPredecessor = graph.GroupOf("OLD", Day);

        // Assert
        Assert.Equal(["A", "B", "OLD", "P"], fromLeaf.Members);
        Assert.Equal(fromLeaf.Members, fromPredecessor.Members);
        Assert.Equal("P", fromLeaf.RootId);
    }

    [Fact]
    public void GroupOf_HandoffLink_DoesNotMakeOneGroup()
    {
        // Arrange
        var graph = new EntityGraph([L("BUILDER", "DEV", EntityLinkKind.Handoff, Day)]);

        // Act
        var group = graph.GroupOf("BUILDER", Day);

        // Assert
        Assert.Equal(["BUILDER"], group.Members);
        Assert.Empty(graph.GroupsOn(Day));
    }

    [Fact]
    public void GroupOf_LinkEffectiveTomorrowThenToday_JoinsOnlyFromItsEffectiveDate()
    {
        // Arrange
        var graph = new EntityGraph([L("P", "A", EntityLinkKind.Parent, Day)]);

        // Act
        var dayBefore = graph.GroupOf("A", Day.AddDays(-1));
        var onTheDay = graph.GroupOf("A", Day);

        // Assert
        Assert.Equal(["A"], dayBefore.Members);
        Assert.Equal(["A", "P"], onTheDay.Members);
    }

    [Fact]
    public void RootOf_ParentChainWithAffiliate_IsTheTopmostParent()
    {
        // Arrange: Z is parent of M, M parent of A; A's sister B sorts before every other id.
        var graph = new EntityGraph([
            L("Z", "M", EntityLinkKind.Parent), L("M", "A", EntityLinkKind.Parent), L("A", "B", EntityLinkKind.Affiliate),
        ]);

        // Act
        var root = graph.RootOf("B", Day);

        // Assert
        Assert.Equal("Z", root);
    }

    [Fact]
    public void RootOf_AffiliatesOnly_IsTheOrdinallySmallestMember()
    {
        // Arrange
        var graph = new EntityGraph([L("S2", "S1", EntityLinkKind.Affiliate), L("S3", "S2", EntityLinkKind.Affiliate)]);

        // Act
        var root = graph.RootOf("S3", Day);

        // Assert
        Assert.Equal("S1", root);
    }

    [Fact]
    public void RootOf_ParentCycle_TerminatesWithTheSmallestMember()
    {
        // Arrange
        var graph = new EntityGraph([L("B", "C", EntityLinkKind.Parent), L("C", "B", EntityLinkKind.Parent), L("C", "D", EntityLinkKind.Parent)]);

        // Act
        var group = graph.GroupOf("D", Day);

        // Assert
        Assert.Equal(["B", "C", "D"], group.Members);
        Assert.Equal("B", group.RootId);
    }

    [Fact]
    public void GroupsOn_TwoGroupsAndAStandalonePayer_ListsOnlyGroupsByRoot()
    {
        // Arrange
        var graph = new EntityGraph([
            L("Y", "Y1", EntityLinkKind.Parent), L("X", "X1", EntityLinkKind.Parent), L("X1", "X2", EntityLinkKind.Affiliate),
            L("SOLO", "OTHER", EntityLinkKind.Handoff),
        ]);

        // Act
        var groups = graph.GroupsOn(Day);

        // Assert
        Assert.Equal(["X", "Y"], groups.Select(g => g.RootId));
        Assert.Equal(["X", "X1", "X2"], groups[0].Members);
        Assert.True(groups[1].Contains("Y1"));
    }

    [Fact]
    public void HolderOn_DayBeforeAndDayOfHandoff_MovesOnTheEffectiveDay()
    {
        // Arrange
        var graph = new EntityGraph([L("BUILDER", "DEV", EntityLinkKind.Handoff, Day)]);

        // Act
        var before = graph.HolderOn("BUILDER", Day.AddDays(-1));
        var onTheDay = graph.HolderOn("BUILDER", Day);

        // Assert
        Assert.Equal("BUILDER", before.Holder);
        Assert.False(before.Moved);
        Assert.Equal("DEV", onTheDay.Holder);
        Assert.True(onTheDay.Moved);
        Assert.Equal(Day, Assert.Single(onTheDay.Transfers).EffectiveDate);
    }

    [Fact]
    public void HolderOn_SuccessorChain_FollowsEachLinkInForce()
    {
        // Arrange
        var graph = new EntityGraph([
            L("A", "B", EntityLinkKind.Successor, Day), L("B", "C", EntityLinkKind.Handoff, Day.AddDays(10)),
        ]);

        // Act
        var between = graph.HolderOn("A", Day.AddDays(5));
        var after = graph.HolderOn("A", Day.AddDays(10));

        // Assert
        Assert.Equal("B", between.Holder);
        Assert.Equal("C", after.Holder);
        Assert.Equal(["B", "C"], after.Transfers.Select(t => t.ToPayerId));
    }

    [Fact]
    public void HolderOn_TransferCycle_StopsBeforeVisitingAnEntityTwice()
    {
        // Arrange
        var graph = new EntityGraph([L("A", "B", EntityLinkKind.Successor), L("B", "C", EntityLinkKind.Successor), L("C", "A", EntityLinkKind.Successor)]);

        // Act
        var trail = graph.HolderOn("A", Day);

        // Assert
        Assert.Equal("C", trail.Holder);
        Assert.Equal(2, trail.Transfers.Count);
    }

    [Fact]
    public void HolderOn_TwoTransfersFromOneEntity_MostRecentOneWins()
    {
        // Arrange
        var graph = new EntityGraph([L("A", "OLDER", EntityLinkKind.Handoff, Day.AddDays(-20)), L("A", "NEWER", EntityLinkKind.Handoff, Day.AddDays(-2))]);

        // Act
        var trail = graph.HolderOn("A", Day);

        // Assert
        Assert.Equal("NEWER", trail.Holder);
    }

    [Fact]
    public void HolderOn_FilterRejectsTheHandoff_LiabilityStays()
    {
        // Arrange
        var graph = new EntityGraph([L("A", "B", EntityLinkKind.Handoff, Day), L("A", "C", EntityLinkKind.Parent)]);

        // Act
        var filtered = graph.HolderOn("A", Day, link => link.Kind != EntityLinkKind.Handoff);
        var parentOnly = graph.HolderOn("C", Day);

        // Assert
        Assert.Equal("A", filtered.Holder);
        Assert.Equal("C", parentOnly.Holder);
    }

    [Fact]
    public void HolderOn_UndatedSuccessor_AlwaysInForce()
    {
        // Arrange
        var graph = new EntityGraph([L("A", "B", EntityLinkKind.Successor)]);

        // Act
        var trail = graph.HolderOn("A", DateOnly.MinValue);

        // Assert
        Assert.Equal("B", trail.Holder);
    }

    [Fact]
    public void AncestorsOf_ParentChainWithCycle_NearestFirstAndFinite()
    {
        // Arrange
        var graph = new EntityGraph([
            L("GP", "P", EntityLinkKind.Parent), L("P", "CHILD", EntityLinkKind.Parent), L("CHILD", "GP", EntityLinkKind.Parent),
        ]);

        // Act
        var ancestors = graph.AncestorsOf("CHILD", Day);

        // Assert
        Assert.Equal(["P", "GP"], ancestors);
    }

    [Fact]
    public void PredecessorsOf_HandoffAndSuccessorChain_ListsEveryUpstreamEntity()
    {
        // Arrange
        var graph = new EntityGraph([
            L("A", "B", EntityLinkKind.Handoff, Day), L("B", "C", EntityLinkKind.Successor), L("X", "C", EntityLinkKind.Parent),
        ]);

        // Act
        var upstream = graph.PredecessorsOf("C");

        // Assert
        Assert.Equal(["A", "B"], upstream.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Empty_AnyPayer_IsItsOwnGroupAndHolder()
    {
        // Act
        var group = EntityGraph.Empty.GroupOf("P", Day);
        var trail = EntityGraph.Empty.HolderOn("P", Day);

        // Assert
        Assert.Equal("P", group.RootId);
        Assert.Equal(["P"], group.Members);
        Assert.Equal("P", trail.Holder);
        Assert.Empty(trail.Transfers);
    }
}
