namespace Allometry.Adapters.Teams.Tests.EndToEnd;

using System.Net;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Tests.Fakes;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Testing;

/// <summary>
/// Teams end to end: signed activities over HTTP into the real ConversationService on PostgreSQL, the
/// rendered Adaptive Cards back through the fake connector.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TeamsEndToEndTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Message_WhatsOwedOnProject_RepliesWithTheAnswerCard()
    {
        // Arrange
        await using var bed = await TeamsTestBed.StartAsync(postgres);
        var project = TeamsTestBed.BusiestProject;
        var activity = bed.As(Role.Finance, Captures.ChannelMessage(bed.Fake.ServiceUrl, $"<at>Allometry</at>what's owed on {project}?"));

        // Act
        using var response = await bed.PostAsync(activity);
        var calls = await bed.Fake.WaitForDeliveredAsync(1);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(calls);
        Assert.Equal("POST", reply.Method);
        Assert.EndsWith("/activities/1759944781430", reply.RawTarget, StringComparison.Ordinal);
        var card = reply.Card!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Contains(MoneyFormat.Format(TeamsTestBed.Owed(project), Language.En), card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_SnoozeFromTheRenderedQueueCard_AnswersTheFreshCardAndAudits()
    {
        // Arrange: the coordinator asks for their queue; the bot posts rendered exception cards.
        await using var bed = await TeamsTestBed.StartAsync(postgres);
        using var asked = await bed.PostAsync(bed.As(Role.Coordinator, Captures.PersonalMessage(bed.Fake.ServiceUrl, "queue")));
        var posted = (await bed.Fake.WaitForDeliveredAsync(1))[0].Card!;
        var snooze = TeamsTestBed.ExecuteActions(posted["actions"]).First(a => a["verb"]!.GetValue<string>() == "snooze");
        var data = (JsonObject)snooze["data"]!.DeepClone();
        var exceptionId = long.Parse(data["exception"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var version = int.Parse(data["version"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var click = bed.As(Role.Coordinator, Captures.Invoke(bed.Fake.ServiceUrl, "snooze", data, id: "f:snooze-click-1", replyToId: "1001"));

        // Act
        using var response = await bed.PostAsync(click);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var fresh = body["value"]!;
        Assert.All(TeamsTestBed.ExecuteActions(fresh["actions"]).Where(a => a["data"]?["version"] is not null), a => Assert.Equal((version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), a["data"]!["version"]!.GetValue<string>()));
        Assert.Equal("snoozed", await bed.ScalarAsync<string>(
            "SELECT status FROM exceptions WHERE tenant_id = @tenant AND exception_id = @id", new { tenant = bed.Tenant, id = exceptionId }));
        Assert.Equal(1L, await bed.ScalarAsync<long>(
            "SELECT count(*) FROM action_audit WHERE tenant_id = @tenant AND exception_id = @id AND platform = 'teams' AND message_id = '1001'",
            new { tenant = bed.Tenant, id = exceptionId }));
        var confirmation = await bed.Fake.WaitForDeliveredAsync(c => c.RawTarget.EndsWith("/activities/f%3Asnooze-click-1", StringComparison.Ordinal));
        Assert.Equal("AdaptiveCard", confirmation.Card!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_SameClickDeliveredTwice_ChangesTheExceptionOnce()
    {
        // Arrange
        await using var bed = await TeamsTestBed.StartAsync(postgres);
        using var asked = await bed.PostAsync(bed.As(Role.Coordinator, Captures.PersonalMessage(bed.Fake.ServiceUrl, "queue")));
        var posted = (await bed.Fake.WaitForDeliveredAsync(1))[0].Card!;
        var snooze = TeamsTestBed.ExecuteActions(posted["actions"]).First(a => a["verb"]!.GetValue<string>() == "snooze");
        var data = (JsonObject)snooze["data"]!;
        var exceptionId = long.Parse(data["exception"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        // Act: Teams retries an invoke it did not hear back from, with the same activity id.
        using var first = await bed.PostAsync(bed.As(Role.Coordinator, Captures.Invoke(bed.Fake.ServiceUrl, "snooze", (JsonObject)data.DeepClone(), id: "f:retried")));
        using var second = await bed.PostAsync(bed.As(Role.Coordinator, Captures.Invoke(bed.Fake.ServiceUrl, "snooze", (JsonObject)data.DeepClone(), id: "f:retried")));

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1L, await bed.ScalarAsync<long>(
            "SELECT count(*) FROM action_audit WHERE tenant_id = @tenant AND exception_id = @id", new { tenant = bed.Tenant, id = exceptionId }));
    }

    [Fact]
    public async Task TeamsChatChannel_ProactivePostThenUpdate_NewThreadThenPutInPlace()
    {
        // Arrange: a card the conversation composed, posted by the outbox into a team channel.
        await using var bed = await TeamsTestBed.StartAsync(postgres);
        var conversation = bed.Host.Get<IConversation>();
        var channel = bed.Host.Get<IEnumerable<IChatChannel>>().Single(c => c.Platform == Platform.Teams);
        var address = new ChannelAddress(Platform.Teams, bed.Realm, Captures.ChannelId, bed.Fake.ServiceUrl);
        var coordinator = new PlatformIdentity(Platform.Teams, bed.Realm, TeamsTestBed.AadOf(bed.People[Role.Coordinator]));
        var queue = await conversation.OnMessageAsync(new InboundMessage { From = coordinator, Conversation = address, Text = "queue", IsPersonal = false }, CancellationToken.None);
        var card = Assert.IsType<ExceptionCard>(queue.Cards[0]);

        // Act
        var posted = await channel.PostAsync(address, card, CancellationToken.None);
        await channel.UpdateAsync(posted, card with { StatusLine = "Snoozed by the test" }, CancellationToken.None);

        // Assert
        var calls = await bed.Fake.WaitForDeliveredAsync(2);
        Assert.Equal(["POST", "PUT"], calls.Select(c => c.Method));
        Assert.EndsWith("/v3/conversations", calls[0].RawTarget, StringComparison.Ordinal);
        Assert.Equal(card.FallbackText, calls[0].Json!["activity"]!["summary"]!.GetValue<string>());
        Assert.EndsWith("/v3/conversations/" + Uri.EscapeDataString(posted.Address.ConversationId) + "/activities/" + posted.MessageId, calls[1].RawTarget, StringComparison.Ordinal);
        Assert.Contains("Snoozed by the test", calls[1].Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_ConnectorThrottles_RetriesAndLosesNoReply()
    {
        // Arrange: the connector answers the first four calls with 429 Retry-After: 1.
        await using var bed = await TeamsTestBed.StartAsync(postgres);
        for (var i = 0; i < 4; i++) bed.Fake.Fail(new ScriptedFailure(429, RetryAfter: "1"));
        var ids = Enumerable.Range(1, 3).Select(i => "17677654000" + i).ToList();

        // Act
        foreach (var id in ids)
        {
            using var response = await bed.PostAsync(bed.As(Role.Finance, Captures.PersonalMessage(bed.Fake.ServiceUrl, "help", id: id)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        foreach (var id in ids) await bed.Fake.WaitForDeliveredAsync(c => c.RawTarget.EndsWith("/activities/" + id, StringComparison.Ordinal));

        // Assert: every question got its reply; every throttled call was retried after the second it was told to wait.
        Assert.Equal(bed.Fake.Delivered.Count + 4, bed.Fake.ConnectorCalls.Count);
        Assert.Equal(4, bed.Clock.RequestedDelays.Count(d => d == TimeSpan.FromSeconds(1)));
        Assert.All(ids, id => Assert.Contains(bed.Fake.Delivered, c => c.RawTarget.EndsWith("/activities/" + id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ConversationUpdate_BotAddedToTeam_RemembersTheChannelAndPostsTheWelcomeOnce()
    {
        // Arrange
        await using var bed = await TeamsTestBed.StartAsync(postgres);

        // Act: Teams announces the installation twice.
        using var added = await bed.PostAsync(bed.As(Role.Finance, Captures.BotAdded(bed.Fake.ServiceUrl)));
        using var installed = await bed.PostAsync(bed.As(Role.Finance, Captures.InstallationAdd(bed.Fake.ServiceUrl)));
        var welcome = await bed.Fake.WaitForDeliveredAsync(c => c.RawTarget.EndsWith("/activities", StringComparison.Ordinal));
        await Task.Delay(300);

        // Assert
        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        Assert.EndsWith("/v3/conversations/" + Uri.EscapeDataString(Captures.ChannelId) + "/activities", welcome.RawTarget, StringComparison.Ordinal);
        Assert.Contains("Je surveille le grand livre", welcome.Card!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Single(bed.Fake.Delivered, c => c.RawTarget == welcome.RawTarget && c.Json!["summary"]!.GetValue<string>() == welcome.Json!["summary"]!.GetValue<string>());
        Assert.Equal(bed.Fake.ServiceUrl, await bed.ScalarAsync<string>(
            "SELECT service_url FROM chat_conversations WHERE tenant_id = @tenant AND platform = 'teams' AND conversation_id = @id AND kind = 'channel'",
            new { tenant = bed.Tenant, id = Captures.ChannelId }));
    }
}
