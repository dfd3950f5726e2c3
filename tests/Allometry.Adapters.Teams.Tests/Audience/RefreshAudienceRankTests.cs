namespace Allometry.Adapters.Teams.Tests.Audience;

using Allometry.Adapters.Teams.Audience;
using Allometry.Adapters.Teams.Connector;
using Allometry.Core.People;

/// <summary>Who gets named in <c>refresh.userIds</c> when more than 60 linked people are in the conversation.</summary>
public sealed class RefreshAudienceRankTests
{
    private static ConversationMember Member(int n) => new($"29:m{n}", $"Member {n}", $"aad-{n}");

    [Fact]
    public void Rank_SeventyLinkedMembers_SixtyNamesMoneyRolesThenCoordinatorsThenTheProjectsPmFirst()
    {
        // Arrange: the roster lists 65 viewers and other PMs before the people whose buttons differ.
        var roster = Enumerable.Range(0, 70).Select(Member).ToList();
        var linked = new List<LinkedViewer>();
        for (var n = 0; n < 65; n++) linked.Add(new LinkedViewer($"aad-{n}", n % 2 == 0 ? Role.Viewer : Role.ProjectManager, OwnProject: false));
        linked.Add(new LinkedViewer("aad-65", Role.ProjectManager, OwnProject: true));
        linked.Add(new LinkedViewer("aad-66", Role.Coordinator, OwnProject: false));
        linked.Add(new LinkedViewer("aad-67", Role.Executive, OwnProject: false));
        linked.Add(new LinkedViewer("aad-68", Role.Finance, OwnProject: false));
        linked.Add(new LinkedViewer("aad-69", Role.Coordinator, OwnProject: false));

        // Act
        var ids = RefreshAudience.Rank(roster, linked);

        // Assert
        Assert.Equal(60, ids.Count);
        Assert.Equal(["29:m67", "29:m68", "29:m66", "29:m69", "29:m65"], ids.Take(5));
        // Other PMs (more than a viewer: notes and promises) come before viewers; the last viewers are left out.
        Assert.All(ids.Skip(5).Take(32), id => Assert.True(int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 1, id));
        Assert.DoesNotContain("29:m64", ids);
    }

    [Fact]
    public void Rank_GuestsBotsAndMriLinkedIdentity_OnlyLinkedPeopleByTheirMri()
    {
        // Arrange
        ConversationMember[] roster =
        [
            new("29:guest", "Guest", "aad-guest"),
            new("28:some-bot", "A bot", null),
            new("29:linked-by-aad", "Jordan", "AAD-JORDAN"),
            new("29:linked-by-mri", "Marie", null),
            new(null, "No id", "aad-noid"),
        ];
        LinkedViewer[] linked =
        [
            new("aad-jordan", Role.Finance, false),
            new("29:linked-by-mri", Role.Coordinator, false),
            new("aad-noid", Role.Finance, false),
            new("aad-not-in-this-chat", Role.Finance, false),
        ];

        // Act
        var ids = RefreshAudience.Rank(roster, linked);

        // Assert
        Assert.Equal(["29:linked-by-aad", "29:linked-by-mri"], ids);
    }

    [Theory]
    [InlineData(Role.Finance, false, 0)]
    [InlineData(Role.Executive, false, 0)]
    [InlineData(Role.Coordinator, false, 1)]
    [InlineData(Role.ProjectManager, true, 2)]
    [InlineData(Role.ProjectManager, false, 3)]
    [InlineData(Role.Viewer, true, 4)]
    public void Priority_ByRoleAndOwnership_MostDifferentViewFirst(Role role, bool ownProject, int expected)
    {
        // Act
        var priority = RefreshAudience.Priority(new LinkedViewer("aad", role, ownProject));

        // Assert
        Assert.Equal(expected, priority);
    }
}
