namespace Allometry.Adapters.Teams.Tests.Connector;

using Allometry.Adapters.Teams.Activities;
using Allometry.Adapters.Teams.Connector;
using Allometry.Adapters.Teams.Tests.Fakes;
using Allometry.Core.Cards;
using Allometry.Testing;

/// <summary>The connector REST client against the fake connector: paths, tokens, retries, refusals.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConnectorClientTests(PostgresFixture postgres)
{
    private static readonly Activity Hello = new() { Type = "message", Summary = "hello" };

    [Fact]
    public async Task SendAsync_ThrottledTwiceWithRetryAfter_WaitsAsToldAndDeliversOnce()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        harness.Fake.Fail(new ScriptedFailure(429, RetryAfter: "1"));
        harness.Fake.Fail(new ScriptedFailure(429, RetryAfter: "1"));
        var connector = harness.Host.Get<ConnectorClient>();

        // Act
        var sent = await connector.SendAsync(harness.Fake.ServiceUrl, Captures.PersonalChat, Hello, CancellationToken.None);

        // Assert
        Assert.NotNull(sent.Id);
        Assert.Equal(3, harness.Fake.ConnectorCalls.Count);
        Assert.Equal(2, harness.Clock.RequestedDelays.Count(d => d == TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task SendAsync_TransientStatusWithoutRetryAfter_BacksOffWithJitterAndRetries(int status)
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        harness.Fake.Fail(new ScriptedFailure(status));
        harness.Fake.Fail(new ScriptedFailure(status));
        var connector = harness.Host.Get<ConnectorClient>();

        // Act
        await connector.SendAsync(harness.Fake.ServiceUrl, Captures.PersonalChat, Hello, CancellationToken.None);

        // Assert: base 50 ms, doubled, jittered into [50 %, 100 %].
        Assert.Equal(3, harness.Fake.ConnectorCalls.Count);
        var delays = harness.Clock.RequestedDelays.Where(d => d < TimeSpan.FromSeconds(1)).ToList();
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0].TotalMilliseconds, 25, 50);
        Assert.InRange(delays[1].TotalMilliseconds, 50, 100);
    }

    [Fact]
    public async Task SendAsync_ThrottledOnEveryAttempt_ThrowsRetryLaterWithRetryAfter()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation(), c => c["Teams:MaxAttempts"] = "3");
        for (var i = 0; i < 3; i++) harness.Fake.Fail(new ScriptedFailure(429, RetryAfter: "7"));
        var connector = harness.Host.Get<ConnectorClient>();

        // Act
        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            connector.SendAsync(harness.Fake.ServiceUrl, Captures.PersonalChat, Hello, CancellationToken.None));

        // Assert: waits are capped at RetryMaxDelay (2 s) but the outbox hears the server's 7 s.
        Assert.False(error.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(3, harness.Fake.ConnectorCalls.Count);
        Assert.Equal(2, harness.Clock.RequestedDelays.Count(d => d == TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData("MessageWritesBlocked", "Thread is blocked from message writes.")]
    [InlineData("ConversationBlockedByUser", "User blocked the conversation with the bot.")]
    public async Task SendAsync_WritesBlocked_ThrowsPermanentWithoutRetryAndRecordsTheBlock(string code, string message)
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var conversation = "a:blocked-" + Guid.NewGuid().ToString("N");
        harness.Fake.Fail(new ScriptedFailure(403, ErrorCode: code, ErrorMessage: message));
        var connector = harness.Host.Get<ConnectorClient>();

        // Act
        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            connector.SendAsync(harness.Fake.ServiceUrl, conversation, Hello, CancellationToken.None));

        // Assert
        Assert.True(error.Permanent);
        Assert.Equal("MessageWritesBlocked", error.Reason);
        Assert.Single(harness.Fake.ConnectorCalls);
        var block = Assert.Single(await harness.Host.Get<BlockedConversations>().ListAsync(CancellationToken.None), b => b.ConversationId == conversation);
        Assert.Equal((code, 403, 0), (block.ErrorCode, block.HttpStatus, block.RefusedPosts));
    }

    [Fact]
    public async Task SendAsync_ForbiddenForAnotherReason_PermanentButNotRecordedAsABlock()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var conversation = "a:notblocked-" + Guid.NewGuid().ToString("N");
        harness.Fake.Fail(new ScriptedFailure(403, ErrorCode: "BotNotInConversationRoster", ErrorMessage: "The bot isn't part of the conversation roster."));
        var connector = harness.Host.Get<ConnectorClient>();

        // Act
        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            connector.SendAsync(harness.Fake.ServiceUrl, conversation, Hello, CancellationToken.None));

        // Assert
        Assert.True(error.Permanent);
        Assert.Equal("BotNotInConversationRoster", error.Reason);
        Assert.DoesNotContain(await harness.Host.Get<BlockedConversations>().ListAsync(CancellationToken.None), b => b.ConversationId == conversation);
    }

    [Fact]
    public async Task SendAsync_NotFound_ThrowsPermanentWithoutRetry()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        harness.Fake.Fail(new ScriptedFailure(404, ErrorCode: "ConversationNotFound"));
        var connector = harness.Host.Get<ConnectorClient>();

        // Act
        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            connector.SendAsync(harness.Fake.ServiceUrl, Captures.PersonalChat, Hello, CancellationToken.None));

        // Assert
        Assert.True(error.Permanent);
        Assert.Equal("ConversationNotFound", error.Reason);
        Assert.Single(harness.Fake.ConnectorCalls);
    }

    [Fact]
    public async Task SendAsync_ServiceUrlNotAllowed_RefusesWithoutSendingTheToken()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var connector = harness.Host.Get<ConnectorClient>();

        // Act
        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            connector.SendAsync("http://localhost.evil.example/amer/", Captures.PersonalChat, Hello, CancellationToken.None));

        // Assert
        Assert.True(error.Permanent);
        Assert.Equal("service_url_not_allowed", error.Reason);
        Assert.Empty(harness.Fake.TokenRequests);
    }

    [Fact]
    public async Task ReplyAsync_ThreadConversationId_EscapesTheIdInThePath()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var connector = harness.Host.Get<ConnectorClient>();

        // Act
        await connector.ReplyAsync(harness.Fake.ServiceUrl, Captures.ChannelThread, "1:abc/def", Hello, CancellationToken.None);

        // Assert
        var call = Assert.Single(harness.Fake.ConnectorCalls);
        Assert.EndsWith("/v3/conversations/19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2%3Bmessageid%3D1759881511856/activities/1%3Aabc%2Fdef",
            call.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TwoCalls_RequestOneMultiTenantToken()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation());
        var connector = harness.Host.Get<ConnectorClient>();

        // Act
        await connector.SendAsync(harness.Fake.ServiceUrl, Captures.PersonalChat, Hello, CancellationToken.None);
        await connector.SendAsync(harness.Fake.ServiceUrl, Captures.PersonalChat, Hello, CancellationToken.None);

        // Assert
        var form = Assert.Single(harness.Fake.TokenRequests);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TestTokens.AppId, form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
        Assert.Equal("botframework.com", Assert.Single(harness.Fake.TokenTenants));
        Assert.All(harness.Fake.ConnectorCalls, c => Assert.Equal("Bearer fake-bot-token-1", c.Authorization));
    }

    [Fact]
    public async Task SendAsync_SingleTenantBot_AsksItsOwnTenantForTheToken()
    {
        // Arrange
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, new RecordingConversation(), c =>
        {
            c["Teams:TenantMode"] = "single";
            c["Teams:TenantId"] = FakeBotFramework.TenantId;
        });
        var connector = harness.Host.Get<ConnectorClient>();

        // Act
        await connector.SendAsync(harness.Fake.ServiceUrl, Captures.PersonalChat, Hello, CancellationToken.None);

        // Assert
        Assert.Equal(FakeBotFramework.TenantId, Assert.Single(harness.Fake.TokenTenants));
    }
}
