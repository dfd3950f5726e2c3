namespace Allometry.Adapters.Teams.Tests.Activities;

using System.Net;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Tests.Fakes;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Testing;

/// <summary>Authenticated activities through <c>/api/messages</c>: what reaches the conversation and what goes back to Teams.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActivityProcessorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task InvokeAsync_ExecuteSnooze_AnswersWithTheUpdatedCard()
    {
        // Arrange
        var conversation = new RecordingConversation();
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);
        var data = new JsonObject { ["verb"] = "snooze", ["exception"] = "42", ["version"] = "3", ["days"] = "3" };

        // Act
        using var response = await harness.PostAsync(Captures.Invoke(harness.Fake.ServiceUrl, "snooze", data));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Equal("1.5", body["value"]!["version"]!.GetValue<string>());
        var action = Assert.Single(conversation.Actions);
        Assert.Equal("snooze", action.Data["verb"]);
        Assert.Equal("42", action.Data["exception"]);
        Assert.Equal("3", action.Data["version"]);
        Assert.Equal("f:17b96347-e8b4-f340-10bc-eb52fc1a6ad4", action.IdempotencyKey);
        Assert.Equal("1767765488332", action.Message!.MessageId);
        Assert.Equal(Captures.PersonalChat, action.Message.ConversationId);
        Assert.Equal(new PlatformIdentity(Platform.Teams, FakeBotFramework.TenantId, Captures.UserAad), action.From);
        Assert.Equal(Language.En, action.Locale);
    }

    [Fact]
    public async Task InvokeAsync_RefreshVerb_AsksForTheView()
    {
        // Arrange
        var conversation = new RecordingConversation();
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);
        var data = new JsonObject { ["verb"] = "view", ["exception"] = "42", ["version"] = "3" };

        // Act
        using var response = await harness.PostAsync(Captures.Invoke(harness.Fake.ServiceUrl, "refresh", data));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("view", Assert.Single(conversation.Actions).Data["verb"]);
    }

    [Fact]
    public async Task InvokeAsync_ScopedInputIds_ReachTheCoreUnderTheirInputIds()
    {
        // Arrange
        var conversation = new RecordingConversation();
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);
        var data = new JsonObject { ["verb"] = "snooze", ["exception"] = "42", ["version"] = "3", ["snooze1.until"] = "2026-12-01", ["snooze1.reason"] = "client on holiday" };

        // Act
        using var response = await harness.PostAsync(Captures.Invoke(harness.Fake.ServiceUrl, "snooze", data));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = Assert.Single(conversation.Actions);
        Assert.Equal("2026-12-01", action.Data["until"]);
        Assert.Equal("client on holiday", action.Data["reason"]);
    }

    [Fact]
    public async Task InvokeAsync_CoreThrows_AnswersWithAnErrorBody()
    {
        // Arrange
        var conversation = new RecordingConversation { Throw = new InvalidOperationException("database down") };
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);
        var activity = Captures.Invoke(harness.Fake.ServiceUrl, "snooze", new JsonObject { ["verb"] = "snooze" });
        activity["locale"] = "fr-CA";

        // Act
        using var response = await harness.PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal(500, body["statusCode"]!.GetValue<int>());
        Assert.Equal("InternalError", body["value"]!["code"]!.GetValue<string>());
        Assert.Contains("Rien n'a été modifié", body["value"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("database down", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ValueWithoutAction_Answers400ErrorBody()
    {
        // Arrange
        var conversation = new RecordingConversation();
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);
        var activity = Captures.Invoke(harness.Fake.ServiceUrl, "snooze", []);
        activity["value"] = new JsonObject { ["trigger"] = "manual" };

        // Act
        using var response = await harness.PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("BadRequest", body["value"]!["code"]!.GetValue<string>());
        Assert.Empty(conversation.Actions);
    }

    [Fact]
    public async Task InvokeAsync_ReplyNotReplacingWithTwoCards_AnswersMessageAndPostsBothCards()
    {
        // Arrange
        var conversation = new RecordingConversation { ReplacesOriginal = false, CardsPerReply = 2 };
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);

        // Act
        using var response = await harness.PostAsync(Captures.Invoke(harness.Fake.ServiceUrl, "export_audit", new JsonObject { ["verb"] = "export_audit" }));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var calls = await harness.Fake.WaitForCallsAsync(2);

        // Assert
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("POST", c.Method));
        Assert.All(calls, c => Assert.EndsWith("/activities/f%3A17b96347-e8b4-f340-10bc-eb52fc1a6ad4", c.RawTarget, StringComparison.Ordinal));
        Assert.All(calls, c => Assert.Equal("AdaptiveCard", c.Card!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ProcessAsync_ChannelMessageGluedMention_AsksTheCoreAndRepliesInTheThread()
    {
        // Arrange
        var conversation = new RecordingConversation();
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);
        var activity = Captures.ChannelMessage(harness.Fake.ServiceUrl, "<at>Allometry</at>what&#39;s owed on 1042?");

        // Act
        using var response = await harness.PostAsync(activity);
        var calls = await harness.Fake.WaitForCallsAsync(1);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(conversation.Messages);
        Assert.Equal("what's owed on 1042?", message.Text);
        Assert.False(message.IsPersonal);
        Assert.Equal(Captures.ChannelThread, message.Conversation.ConversationId);
        Assert.Equal(harness.Fake.ServiceUrl, message.Conversation.ServiceUrl);
        var reply = Assert.Single(calls);
        Assert.Equal("/amer/" + FakeBotFramework.TenantId + "/v3/conversations/19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2%3Bmessageid%3D1759881511856/activities/1759944781430", reply.RawTarget);
        Assert.Equal("message", reply.Json!["type"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply.Json["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProcessAsync_PersonalFrenchMessage_CarriesLocaleAndPersonalScope()
    {
        // Arrange
        var conversation = new RecordingConversation();
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);

        // Act
        using var response = await harness.PostAsync(Captures.PersonalMessage(harness.Fake.ServiceUrl, "combien est dû sur 1042", "fr-CA"));
        await harness.Fake.WaitForCallsAsync(1);

        // Assert
        var message = Assert.Single(conversation.Messages);
        Assert.True(message.IsPersonal);
        Assert.Equal(Language.Fr, message.Locale);
        Assert.Equal("rido", message.DisplayName);
    }

    [Fact]
    public async Task ProcessAsync_SubmitFallbackReplacingOriginal_UpdatesTheCardInPlace()
    {
        // Arrange
        var conversation = new RecordingConversation { ReplacesOriginal = true };
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);
        var value = new JsonObject { ["verb"] = "add_note", ["exception"] = "7", ["version"] = "1", ["add_note2.note"] = "called Tuesday", ["msteams"] = new JsonObject { ["type"] = "messageBack" } };

        // Act
        using var response = await harness.PostAsync(Captures.Submit(harness.Fake.ServiceUrl, value));
        var calls = await harness.Fake.WaitForCallsAsync(1);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = Assert.Single(conversation.Actions);
        Assert.Equal("called Tuesday", action.Data["note"]);
        Assert.False(action.Data.ContainsKey("msteams"));
        Assert.Equal("1767765499999", action.IdempotencyKey);
        var update = Assert.Single(calls);
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/v3/conversations/a%3A17vxw6pGQOb3Zfh8acXT8m_PqHycYpaFgzu2mFMUfkT/activities/1767765488332", update.RawTarget, StringComparison.Ordinal);
        Assert.Equal("1767765488332", update.Json!["id"]!.GetValue<string>());
        Assert.NotNull(update.Card);
    }

    [Fact]
    public async Task ProcessAsync_SubmitFromTheWebChatChannel_ActsAsAWebChatUserAndAnswersWithSubmitOnlyCards()
    {
        // Arrange: the local Direct Line channel relays Web Chat's Action.Submit down this pipeline.
        var conversation = new RecordingConversation
        {
            ReplacesOriginal = true,
            CardButtons = [new CardAction { Verb = ActionVerb.Snooze, Title = "Snooze 1 day", ExceptionId = 7, ExceptionVersion = 2, Data = new Dictionary<string, string> { ["days"] = "1" } }],
        };
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);
        harness.Fake.PublishKey(harness.Fake.KeyId, harness.Fake.Key, "msteams", "directline");
        var activity = Captures.Submit(harness.Fake.ServiceUrl, new JsonObject { ["verb"] = "snooze", ["exception"] = "7", ["version"] = "1", ["days"] = "3" });
        activity["channelId"] = "directline";
        activity["from"] = new JsonObject { ["id"] = "marie.tremblay@borealis.example", ["name"] = "Marie Tremblay", ["role"] = "user" };
        activity["conversation"] = new JsonObject { ["id"] = "c0ffee" };
        activity.Remove("channelData");

        // Act
        using var response = await harness.PostAsync(activity);
        var calls = await harness.Fake.WaitForCallsAsync(1);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = Assert.Single(conversation.Actions);
        Assert.Equal(new PlatformIdentity(Platform.WebChat, "local", "marie.tremblay@borealis.example"), action.From);
        Assert.Equal(Platform.WebChat, action.Conversation.Platform);
        Assert.Equal(Platform.WebChat, action.Message!.Platform);
        var update = Assert.Single(calls);
        Assert.Equal("PUT", update.Method);
        var card = update.Card!.ToJsonString();
        Assert.Contains("\"Action.Submit\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Action.Execute", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_InstalledAnnouncedTwice_WelcomesOnce()
    {
        // Arrange
        var conversation = new RecordingConversation();
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);

        // Act
        using var first = await harness.PostAsync(Captures.InstallationAdd(harness.Fake.ServiceUrl));
        using var second = await harness.PostAsync(Captures.BotAdded(harness.Fake.ServiceUrl));
        var calls = await harness.Fake.WaitForCallsAsync(1);
        await Task.Delay(200);

        // Assert
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var installation = Assert.Single(conversation.Installations);
        Assert.Equal(Language.Fr, installation.Locale);
        Assert.Equal(Captures.ChannelId, installation.Conversation.ConversationId);
        Assert.Equal(FakeBotFramework.TenantId, installation.Conversation.Realm);
        var welcome = Assert.Single(harness.Fake.ConnectorCalls);
        Assert.EndsWith("/v3/conversations/19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2/activities", welcome.RawTarget, StringComparison.Ordinal);
        Assert.Equal("welcome", welcome.Json!["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_LocalModeFromLoopback_AcceptsWithoutTokenAndRepliesWithoutOne()
    {
        // Arrange
        var conversation = new RecordingConversation();
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation, localMode: true);

        // Act
        using var response = await harness.Host.PostAsync(Captures.PersonalMessage(harness.Fake.ServiceUrl, "help").ToJsonString(), authorization: null);
        var calls = await harness.Fake.WaitForCallsAsync(1);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(conversation.Messages);
        Assert.Equal("", Assert.Single(calls).Authorization);
        Assert.Empty(harness.Fake.TokenRequests);
    }
}
