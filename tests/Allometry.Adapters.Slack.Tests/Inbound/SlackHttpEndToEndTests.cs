namespace Allometry.Adapters.Slack.Tests.Inbound;

using System.Net;
using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.Tests.Fakes;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Rules;
using Allometry.Testing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Through the HTTP endpoints with the real conversation and PostgreSQL: questions answered, clicks
/// acted on and the card updated in place, modals opened and their refused inputs shown inline,
/// rate limits waited out, retried events processed once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SlackHttpEndToEndTests(PostgresFixture postgres) : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;
    private SlackWorkspace _workspace = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack, postgres.DataSource);
        _workspace = await SlackWorkspace.CreateAsync(postgres.DataSource);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Mention_ProjectQuestion_AnswerPostedInTheChannel()
    {
        // Arrange
        var (_, _, project) = await _workspace.OpenExceptionAsync(postgres.DataSource);
        var mention = SlackPayloads.Mention(_workspace.TeamId, _workspace.SlackUser(Role.Finance), SlackWorkspace.Channel,
            $"what's owed on {project}?", "Ev" + Guid.NewGuid().ToString("N")[..10]);

        // Act
        using var response = await _host.PostEventAsync(mention.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await _slack.WaitForAsync("chat.postMessage");
        Assert.Equal(SlackWorkspace.Channel, post.Body["channel"]!.GetValue<string>());
        Assert.Contains(project, post.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEmpty(post.Body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task Mention_DeliveredTwice_ProcessedOnce()
    {
        var eventId = "Ev" + Guid.NewGuid().ToString("N")[..10];
        var mention = SlackPayloads.Mention(_workspace.TeamId, _workspace.SlackUser(Role.Finance), SlackWorkspace.Channel, "help", eventId).ToJsonString();

        using var first = await _host.PostEventAsync(mention);
        // Slack's retry is a new request: same body, a later timestamp, hence a new signature.
        var later = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var retry = await _host.PostSignedAsync(SlackSurface.EventsPath, mention, "application/json", timestamp: later,
            tweak: r => { r.Headers.Add("X-Slack-Retry-Num", "1"); r.Headers.Add("X-Slack-Retry-Reason", "http_timeout"); });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await _slack.WaitForAsync(c => c.Method is "chat.postMessage" or "chat.postEphemeral");
        await Task.Delay(500);
        Assert.Single(_slack.Calls, c => c.Method is "chat.postMessage" or "chat.postEphemeral");
        Assert.Equal(1, await _workspace.CountAsync(postgres.DataSource, "SELECT count(*) FROM slack_event_receipts WHERE event_id = @eventId", new { eventId }));
    }

    [Fact]
    public async Task Mention_PostRateLimited_AnswerDeliveredAfterRetryAfter()
    {
        _slack.RateLimitNext("chat.postMessage", times: 1, retryAfterSeconds: 1);
        var (_, _, project) = await _workspace.OpenExceptionAsync(postgres.DataSource);
        var mention = SlackPayloads.Mention(_workspace.TeamId, _workspace.SlackUser(Role.Finance), SlackWorkspace.Channel,
            $"what's owed on {project}?", "Ev" + Guid.NewGuid().ToString("N")[..10]);

        using var response = await _host.PostEventAsync(mention.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _slack.WaitForAsync(c => c.Method == "chat.postMessage" && _slack.Calls.Count(x => x.Method == "chat.postMessage") == 2);
        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
        Assert.Contains(project, _slack.Calls.Last(c => c.Method == "chat.postMessage").Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "chat.postEphemeral");
    }

    [Fact]
    public async Task Click_Snooze_CardUpdatedInPlaceAndAudited()
    {
        // Arrange
        var (id, version, _) = await _workspace.OpenExceptionAsync(postgres.DataSource);
        var value = $$"""{"verb":"snooze","exception":"{{id}}","version":"{{version}}","days":"3"}""";
        var click = SlackPayloads.Click(_workspace.TeamId, _workspace.SlackUser(Role.Finance), SlackWorkspace.Channel, "1763700100.000200",
            "act:snooze:0", value, "1763700123.456789");

        // Act
        using var response = await _host.PostInteractionAsync(click.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await _slack.WaitForAsync("chat.update");
        Assert.Equal(SlackWorkspace.Channel, update.Body["channel"]!.GetValue<string>());
        Assert.Equal("1763700100.000200", update.Body["ts"]!.GetValue<string>());
        Assert.Equal(1, await _workspace.CountAsync(postgres.DataSource,
            "SELECT count(*) FROM action_audit WHERE tenant_id = @Tenant AND exception_id = @id AND verb = 'snooze' AND message_id = '1763700100.000200'",
            new { _workspace.Tenant, id }));
    }

    [Fact]
    public async Task ModalSubmission_AmountNotANumber_ErrorShownInline()
    {
        // Arrange: a promise card posted through the channel, its button clicked, the modal opened.
        var (id, version, _) = await _workspace.OpenExceptionAsync(postgres.DataSource);
        var promise = new CardAction
        {
            Verb = ActionVerb.RecordPromise, Title = "Record a promise to pay", ExceptionId = id, ExceptionVersion = version,
            Inputs =
            [
                new CardInput { Id = "amount", Kind = CardInputKind.Amount, Label = "Amount promised", Required = true },
                new CardInput { Id = "date", Kind = CardInputKind.Date, Label = "Promised by", Required = true },
            ],
        };
        var card = new ExceptionCard
        {
            Language = Language.En, FallbackText = "Exception", ExceptionId = id, Version = version, RuleId = "R01", Severity = Severity.High,
            SeverityLabel = "High", Title = "Overdue", Detail = "Overdue 95 days", SuggestedAction = "Call", AmountAtRisk = 1234.56m,
            AmountText = "$1,234.56", Actions = [promise],
        };
        var posted = await _host.Services.GetRequiredService<IChatChannel>().PostAsync(
            new ChannelAddress(Platform.Slack, _workspace.TeamId, SlackWorkspace.Channel), card, CancellationToken.None);
        var value = Allometry.Adapters.Slack.BlockKit.BlockKitActionValue.Of(promise);
        using var clicked = await _host.PostInteractionAsync(SlackPayloads.Click(_workspace.TeamId, _workspace.SlackUser(Role.Finance),
            SlackWorkspace.Channel, posted.MessageId, "act:record_promise:0", value, "1763700200.000001").ToJsonString());
        var open = await _slack.WaitForAsync("views.open");
        Assert.Equal("1337.42.trigger", open.Body["trigger_id"]!.GetValue<string>());
        var view = open.Body["view"]!.AsObject();
        var state = new JsonObject
        {
            ["input:amount"] = new JsonObject { ["amount"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "douze piastres" } },
            ["input:date"] = new JsonObject { ["date"] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = "2026-12-15" } },
        };

        // Act
        using var submitted = await _host.PostInteractionAsync(
            SlackPayloads.Submission(_workspace.TeamId, _workspace.SlackUser(Role.Finance), view, state).ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var ack = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", ack["response_action"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(ack["errors"]!["input:amount"]!.GetValue<string>()));
        Assert.Equal(0, await _workspace.CountAsync(postgres.DataSource,
            "SELECT count(*) FROM action_audit WHERE tenant_id = @Tenant AND exception_id = @id AND outcome_kind = 'applied'",
            new { _workspace.Tenant, id }));
    }

    [Fact]
    public async Task Command_Queue_AnsweredEphemerallyThroughResponseUrl()
    {
        var fields = SlackPayloads.Command(_workspace.TeamId, _workspace.SlackUser(Role.Finance), SlackWorkspace.Channel, "queue",
            _slack.ResponseUrl("commands/T/1/abc"));

        using var response = await _host.PostCommandAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await _slack.WaitForAsync("response_url");
        Assert.Equal("ephemeral", answer.Body["response_type"]!.GetValue<string>());
        Assert.NotEmpty(answer.Body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task Command_ShareWord_AnsweredInChannel()
    {
        var (_, _, project) = await _workspace.OpenExceptionAsync(postgres.DataSource);
        var fields = SlackPayloads.Command(_workspace.TeamId, _workspace.SlackUser(Role.Finance), SlackWorkspace.Channel, $"owed {project} share",
            _slack.ResponseUrl("commands/T/1/def"));

        using var response = await _host.PostCommandAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await _slack.WaitForAsync("response_url");
        Assert.Equal("in_channel", answer.Body["response_type"]!.GetValue<string>());
        Assert.Contains(project, answer.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mention_UnlinkedPerson_ToldHowToLinkNotAnError()
    {
        var mention = SlackPayloads.Mention(_workspace.TeamId, "U0STRANGER", SlackWorkspace.Channel, "queue", "Ev" + Guid.NewGuid().ToString("N")[..10]);

        using var response = await _host.PostEventAsync(mention.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await _slack.WaitForAsync(c => c.Method is "chat.postMessage" or "chat.postEphemeral");
        Assert.DoesNotContain("Something went wrong", answer.Body.ToJsonString(), StringComparison.Ordinal);
    }
}
