namespace Allometry.Adapters.Teams.Tests;

using Allometry.Adapters.Teams.Tests.Fakes;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>The outbox's Teams channel: proactive posts, in-place updates and deletes on the fake connector.</summary>
public sealed class TeamsChatChannelTests
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
        await using var harness = await TeamsHarness.StartAsync(new RecordingConversation());
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
        await using var harness = await TeamsHarness.StartAsync(new RecordingConversation());
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
        await using var harness = await TeamsHarness.StartAsync(new RecordingConversation());
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
        await using var harness = await TeamsHarness.StartAsync(new RecordingConversation());
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
}
