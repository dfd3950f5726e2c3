namespace Allometry.Adapters.Teams.Tests;

using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Connector;
using Allometry.Adapters.Teams.Tests.Fakes;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Testing;

/// <summary>The outbox's Teams channel: proactive posts, in-place updates and deletes on the fake connector.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TeamsChatChannelTests(PostgresFixture postgres)
{
    private static NoticeCard Notice(string title) => new()
    {
        Language = Language.Fr,
        FallbackText = title,
        Kind = NoticeKind.Information,
        Title = title,
    };

    [Fact]
    public async Task PostAsync_Channel_StartsANewThreadThatUpdateAndDeleteAddress()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var channel = harness.Host.Get<IEnumerable<IChatChannel>>().Single(c => c.Platform == Platform.Teams);
        var address = new ChannelAddress(Platform.Teams, FakeBotFramework.TenantId, Captures.ChannelId, harness.Fake.ServiceUrl);

        // Act
        var posted = await channel.PostAsync(address, Notice("Résumé du matin"), CancellationToken.None);
        await channel.UpdateAsync(posted, Notice("Résumé du matin (à jour)"), CancellationToken.None);
        await channel.DeleteAsync(posted, CancellationToken.None);

        // Assert
        Assert.Equal(Platform.Teams, channel.Platform);
        var calls = harness.Fake.ConnectorCalls.ToList();
        Assert.Equal(["POST", "PUT", "DELETE"], calls.Select(c => c.Method));
        Assert.EndsWith("/v3/conversations", calls[0].RawTarget, StringComparison.Ordinal);
        var create = calls[0].Json!;
        Assert.True(create["isGroup"]!.GetValue<bool>());
        Assert.Equal(Captures.ChannelId, create["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(FakeBotFramework.TenantId, create["tenantId"]!.GetValue<string>());
        Assert.Equal("Résumé du matin", create["activity"]!["summary"]!.GetValue<string>());
        Assert.Equal(Captures.ChannelId + ";messageid=" + posted.MessageId, posted.Address.ConversationId);
        var threadPath = "/v3/conversations/" + Uri.EscapeDataString(posted.Address.ConversationId) + "/activities/" + posted.MessageId;
        Assert.EndsWith(threadPath, calls[1].RawTarget, StringComparison.Ordinal);
        Assert.Equal("Résumé du matin (à jour)", calls[1].Json!["summary"]!.GetValue<string>());
        Assert.EndsWith(threadPath, calls[2].RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_User_CreatesThePersonalChatThenSends()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var channel = harness.Host.Get<IEnumerable<IChatChannel>>().Single(c => c.Platform == Platform.Teams);
        var address = new ChannelAddress(Platform.Teams, FakeBotFramework.TenantId, Captures.UserMri, harness.Fake.ServiceUrl);

        // Act
        var posted = await channel.PostAsync(address, Notice("Votre file"), CancellationToken.None);

        // Assert
        var calls = harness.Fake.ConnectorCalls.ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal("28:" + TestTokens.AppId, calls[0].Json!["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(Captures.UserMri, calls[0].Json!["members"]![0]!["id"]!.GetValue<string>());
        Assert.StartsWith("a:1chat-", posted.Address.ConversationId, StringComparison.Ordinal);
        Assert.EndsWith("/v3/conversations/" + Uri.EscapeDataString(posted.Address.ConversationId) + "/activities", calls[1].RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_NoServiceUrl_ThrowsPermanent()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var channel = harness.Host.Get<IEnumerable<IChatChannel>>().Single(c => c.Platform == Platform.Teams);

        // Act
        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            channel.PostAsync(new ChannelAddress(Platform.Teams, FakeBotFramework.TenantId, Captures.PersonalChat), Notice("x"), CancellationToken.None));

        // Assert
        Assert.True(error.Permanent);
        Assert.Empty(harness.Fake.ConnectorCalls);
    }

    [Fact]
    public async Task WebChatChannel_PostAndUpdate_UseTheConnectorWithSubmitOnlyCards()
    {
        // Arrange: the local Direct Line channel's conversation, reached through its service URL.
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var channel = harness.Host.Get<IEnumerable<IChatChannel>>().Single(c => c.Platform == Platform.WebChat);
        var address = new ChannelAddress(Platform.WebChat, "local", "c0ffee", harness.Fake.ServiceUrl);
        var card = Notice("Sommaire du matin") with
        {
            Actions = [new CardAction { Verb = ActionVerb.Snooze, Title = "Reporter 1 jour", ExceptionId = 7, ExceptionVersion = 2 }],
        };

        // Act
        var posted = await channel.PostAsync(address, card, CancellationToken.None);
        await channel.UpdateAsync(posted, card, CancellationToken.None);

        // Assert
        var calls = harness.Fake.ConnectorCalls.ToList();
        Assert.Equal(["POST", "PUT"], calls.Select(c => c.Method));
        Assert.EndsWith("/v3/conversations/c0ffee/activities", calls[0].RawTarget, StringComparison.Ordinal);
        Assert.EndsWith("/v3/conversations/c0ffee/activities/" + Uri.EscapeDataString(posted.MessageId), calls[1].RawTarget, StringComparison.Ordinal);
        Assert.All(calls, c => Assert.DoesNotContain("Action.Execute", c.Card!.ToJsonString(), StringComparison.Ordinal));
        Assert.Contains("Action.Submit", calls[0].Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_ChatRefusesWrites_RecordedSoANewHostInstanceRefusesWithoutCallingTheConnector()
    {
        // Arrange: a group chat whose writes the connector refuses (403 MessageWritesBlocked).
        var chat = "19:blocked-" + Guid.NewGuid().ToString("N") + "@thread.v2";
        var first = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var address = new ChannelAddress(Platform.Teams, FakeBotFramework.TenantId, chat, first.Fake.ServiceUrl);
        first.Fake.Fail(new ScriptedFailure(403, ErrorCode: "MessageWritesBlocked", ErrorMessage: "Thread is blocked from message writes."));
        var refused = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            TeamsChannel(first).PostAsync(address, Notice("Résumé"), CancellationToken.None));
        await first.DisposeAsync();

        // Act: another instance (new host, new connector) posts to the same chat.
        await using var second = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var again = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            TeamsChannel(second).PostAsync(address with { ServiceUrl = second.Fake.ServiceUrl }, Notice("Résumé"), CancellationToken.None));

        // Assert
        Assert.Equal(("MessageWritesBlocked", true), (refused.Reason, refused.Permanent));
        Assert.Equal((ChannelDeliveryException.ConversationBlocked, true), (again.Reason, again.Permanent));
        Assert.Empty(second.Fake.ConnectorCalls);
        var block = Assert.Single(await second.Host.Get<BlockedConversations>().ListAsync(CancellationToken.None), b => b.ConversationId == chat);
        Assert.Equal((FakeBotFramework.TenantId, "MessageWritesBlocked", 403, 1), (block.Realm, block.ErrorCode, block.HttpStatus, block.RefusedPosts));
        Assert.NotNull(block.LastRefusedAt);
    }

    [Fact]
    public async Task PostAsync_UserBlockedThenReinstalls_BlockedUntilTheInstallationThenDelivered()
    {
        // Arrange: a 1:1 addressed by the user's 29: id; creating the chat is refused with the connector's documented body.
        var user = "29:blocker-" + Guid.NewGuid().ToString("N");
        var personalChat = "a:chat-of-" + user[3..];
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var channel = TeamsChannel(harness);
        var address = new ChannelAddress(Platform.Teams, FakeBotFramework.TenantId, user, harness.Fake.ServiceUrl);
        harness.Fake.Fail(new ScriptedFailure(403, ErrorCode: "ConversationBlockedByUser", ErrorMessage: "User blocked the conversation with the bot."));
        var refused = await Assert.ThrowsAsync<ChannelDeliveryException>(() => channel.PostAsync(address, Notice("Votre file"), CancellationToken.None));
        var whileBlocked = await Assert.ThrowsAsync<ChannelDeliveryException>(() => channel.PostAsync(address, Notice("Votre file"), CancellationToken.None));
        var callsWhileBlocked = harness.Fake.ConnectorCalls.Count;

        // Act: the user unblocks the bot; Teams announces the installation in their personal chat.
        var install = Captures.InstallationAdd(harness.Fake.ServiceUrl);
        install["from"] = new JsonObject { ["id"] = user, ["aadObjectId"] = Guid.NewGuid().ToString() };
        install["conversation"] = new JsonObject { ["id"] = personalChat, ["conversationType"] = "personal", ["tenantId"] = FakeBotFramework.TenantId };
        install["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.TenantId } };
        var accepted = await harness.PostAsync(install);
        var lifted = await EventuallyAsync(async () =>
            !(await harness.Host.Get<BlockedConversations>().ListAsync(CancellationToken.None)).Any(b => b.ConversationId == user));
        var after = await channel.PostAsync(address, Notice("Votre file"), CancellationToken.None);

        // Assert
        Assert.Equal("MessageWritesBlocked", refused.Reason);
        Assert.Equal(ChannelDeliveryException.ConversationBlocked, whileBlocked.Reason);
        Assert.Equal(1, callsWhileBlocked);
        Assert.Equal(System.Net.HttpStatusCode.OK, accepted.StatusCode);
        Assert.True(lifted, "the installation did not lift the block");
        Assert.False(string.IsNullOrEmpty(after.MessageId));
        Assert.True(harness.Fake.ConnectorCalls.Count > callsWhileBlocked);
    }

    [Theory]
    [InlineData("a:1chat", new[] { "a:1chat" })]
    [InlineData("19:abc@thread.tacv2;messageid=1759881511856", new[] { "19:abc@thread.tacv2;messageid=1759881511856", "19:abc@thread.tacv2" })]
    public void KeysOf_ThreadOrChat_TheIdAndForAThreadItsChannel(string conversationId, string[] expected)
    {
        // Act
        var keys = BlockedConversations.KeysOf(conversationId);

        // Assert
        Assert.Equal(expected, keys);
    }

    private static IChatChannel TeamsChannel(TeamsHarness harness) =>
        harness.Host.Get<IEnumerable<IChatChannel>>().Single(c => c.Platform == Platform.Teams);

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (await done()) return true;
            await Task.Delay(25);
        }
        return await done();
    }
}
