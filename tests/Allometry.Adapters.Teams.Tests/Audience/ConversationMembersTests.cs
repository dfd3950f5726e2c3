namespace Allometry.Adapters.Teams.Tests.Audience;

using Allometry.Adapters.Teams.Audience;
using Allometry.Adapters.Teams.Connector;
using Allometry.Adapters.Teams.Tests.Fakes;
using Allometry.Core.Cards;
using Allometry.Testing;

/// <summary>Conversation rosters read page by page from the fake connector, and kept for their lifetime.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConversationMembersTests(PostgresFixture postgres)
{
    private static List<System.Text.Json.Nodes.JsonObject> Roster(int count) =>
        [.. Enumerable.Range(1, count).Select(n => FakeBotFramework.Member($"29:member-{n}", $"aad-{n}", $"Member {n}"))];

    [Fact]
    public async Task GetAsync_RosterOfFivePagesOfTwo_FollowsTheContinuationTokensInOrder()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        harness.Fake.Members[Captures.ChannelId] = Roster(5);
        harness.Fake.MembersPageSize = 2;

        // Act
        var members = await harness.Host.Get<ConversationMembers>().GetAsync(harness.Fake.ServiceUrl, Captures.ChannelId, CancellationToken.None);

        // Assert
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"29:member-{n}"), members.Select(m => m.Id));
        Assert.Equal("aad-3", members[2].AadObjectId);
        Assert.Equal([null, "offset-2", "offset-4"], harness.Fake.MemberReads.Select(r => r.ContinuationToken));
    }

    [Fact]
    public async Task GetAsync_ThreadThenChannelWithinTheLifetime_OneReadOfTheChannelThenAnotherAfterIt()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        harness.Fake.Members[Captures.ChannelId] = Roster(3);
        var clock = new ShiftableTimeProvider();
        var options = harness.Host.Get<TeamsOptions>() with { MembersCacheLifetime = TimeSpan.FromMinutes(10) };
        var members = new ConversationMembers(harness.Host.Get<ConnectorClient>(), options, clock);

        // Act
        await members.GetAsync(harness.Fake.ServiceUrl, Captures.ChannelThread, CancellationToken.None);
        await members.GetAsync(harness.Fake.ServiceUrl, Captures.ChannelId, CancellationToken.None);
        var readsWithin = harness.Fake.MemberReads.Count;
        clock.Advance(TimeSpan.FromMinutes(11));
        var later = await members.GetAsync(harness.Fake.ServiceUrl, Captures.ChannelThread, CancellationToken.None);

        // Assert
        Assert.Equal(1, readsWithin);
        Assert.Equal(2, harness.Fake.MemberReads.Count);
        Assert.All(harness.Fake.MemberReads, r => Assert.Equal(Captures.ChannelId, r.Conversation));
        Assert.Equal(3, later.Count);
    }

    [Fact]
    public async Task Forget_AfterARead_NextReadAsksTheConnectorAgain()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        harness.Fake.Members[Captures.ChannelId] = Roster(1);
        var members = harness.Host.Get<ConversationMembers>();
        await members.GetAsync(harness.Fake.ServiceUrl, Captures.ChannelId, CancellationToken.None);
        harness.Fake.Members[Captures.ChannelId] = Roster(2);

        // Act
        members.Forget(Captures.ChannelThread);
        var again = await members.GetAsync(harness.Fake.ServiceUrl, Captures.ChannelId, CancellationToken.None);

        // Assert
        Assert.Equal(2, again.Count);
        Assert.Equal(2, harness.Fake.MemberReads.Count);
    }

    [Fact]
    public async Task GetAsync_ConnectorRefuses_ThrowsAndKeepsNothingSoTheNextReadSucceeds()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        harness.Fake.Members[Captures.ChannelId] = Roster(2);
        harness.Fake.MembersFailure = new ScriptedFailure(404, ErrorCode: "ConversationNotFound", ErrorMessage: "Conversation not found.");
        var members = harness.Host.Get<ConversationMembers>();

        // Act
        var refused = await Assert.ThrowsAsync<ChannelDeliveryException>(() => members.GetAsync(harness.Fake.ServiceUrl, Captures.ChannelId, CancellationToken.None));
        harness.Fake.MembersFailure = null;
        var read = await members.GetAsync(harness.Fake.ServiceUrl, Captures.ChannelId, CancellationToken.None);

        // Assert
        Assert.Equal("ConversationNotFound", refused.Reason);
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public async Task ConversationUpdate_MemberAddedToTheTeam_RosterReadAgainForTheNextCard()
    {
        // Arrange: the roster was read once.
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        harness.Fake.Members[Captures.ChannelId] = Roster(1);
        var members = harness.Host.Get<ConversationMembers>();
        await members.GetAsync(harness.Fake.ServiceUrl, Captures.ChannelId, CancellationToken.None);
        harness.Fake.Members[Captures.ChannelId] = Roster(2);
        var update = Captures.BotAdded(harness.Fake.ServiceUrl);
        update["membersAdded"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = "29:member-2", ["aadObjectId"] = "aad-2" });
        update["id"] = "f:member-added";

        // Act: Teams says someone joined.
        using var response = await harness.PostAsync(update);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        IReadOnlyList<ConversationMember> after;
        do
        {
            await Task.Delay(25);
            after = await members.GetAsync(harness.Fake.ServiceUrl, Captures.ChannelId, CancellationToken.None);
        }
        while (after.Count < 2 && DateTime.UtcNow < deadline);

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, after.Count);
        Assert.Equal(2, harness.Fake.MemberReads.Count);
    }
}
