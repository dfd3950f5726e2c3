namespace Allometry.Adapters.Slack.Tests.SocketMode;

using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.Tests.Fakes;
using Allometry.Core.People;
using Allometry.Testing;

/// <summary>The same conversation through Socket Mode envelopes: acked within the envelope, answered through the Web API.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SocketModeEndToEndTests(PostgresFixture postgres) : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost _host = null!;
    private SlackWorkspace _workspace = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _workspace = await SlackWorkspace.CreateAsync(postgres.DataSource);
        _host = await SlackTestHost.StartAsync(_slack, postgres.DataSource, new Dictionary<string, string?>
        {
            ["Slack:Mode"] = "Socket",
            ["Slack:AppToken"] = SlackTestHost.AppToken,
        });
        await _slack.WaitForConnectionAsync(1);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task EventsApiEnvelope_ProjectQuestion_AckedThenAnswered()
    {
        // Arrange
        var (_, _, project) = await _workspace.OpenExceptionAsync(postgres.DataSource);
        var mention = SlackPayloads.Mention(_workspace.TeamId, _workspace.SlackUser(Role.Finance), SlackWorkspace.Channel,
            $"what's owed on {project}?", "Ev" + Guid.NewGuid().ToString("N")[..10]);

        // Act
        await _slack.SendFrameAsync(Envelope("dbdd0ef3-1543-4f94-bfb4-133d0e6c1545", "events_api", mention, acceptsPayload: false));

        // Assert
        var ack = await _slack.NextAckAsync();
        Assert.Equal("dbdd0ef3-1543-4f94-bfb4-133d0e6c1545", ack["envelope_id"]!.GetValue<string>());
        var post = await _slack.WaitForAsync("chat.postMessage");
        Assert.Contains(project, post.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InteractiveEnvelope_SnoozeClick_AckedAndCardUpdatedInPlace()
    {
        var (id, version, _) = await _workspace.OpenExceptionAsync(postgres.DataSource);
        var click = SlackPayloads.Click(_workspace.TeamId, _workspace.SlackUser(Role.Finance), SlackWorkspace.Channel, "1763700300.000300",
            "act:snooze:0", $$"""{"verb":"snooze","exception":"{{id}}","version":"{{version}}","days":"7"}""", "1763700333.000001");

        await _slack.SendFrameAsync(Envelope("a1b2c3d4-0000-4000-8000-000000000001", "interactive", click, acceptsPayload: false));

        var ack = await _slack.NextAckAsync();
        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000001", ack["envelope_id"]!.GetValue<string>());
        var update = await _slack.WaitForAsync("chat.update");
        Assert.Equal("1763700300.000300", update.Body["ts"]!.GetValue<string>());
        Assert.Equal(1, await _workspace.CountAsync(postgres.DataSource,
            "SELECT count(*) FROM action_audit WHERE tenant_id = @Tenant AND exception_id = @id AND verb = 'snooze'", new { _workspace.Tenant, id }));
    }

    [Fact]
    public async Task InteractiveEnvelope_ModalWithBadAmount_AckCarriesInlineErrors()
    {
        // Arrange: the modal as the adapter renders it, its metadata naming the exception.
        var (id, version, _) = await _workspace.OpenExceptionAsync(postgres.DataSource);
        var view = new JsonObject
        {
            ["type"] = "modal", ["callback_id"] = "allometry_action",
            ["private_metadata"] = $$"""{"payload":{"verb":"record_promise","exception":"{{id}}","version":"{{version}}"},"channel":"{{SlackWorkspace.Channel}}","ts":"1763700400.000400"}""",
        };
        var state = new JsonObject
        {
            ["input:amount"] = new JsonObject { ["amount"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "beaucoup" } },
            ["input:date"] = new JsonObject { ["date"] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = "2026-12-15" } },
        };
        var submission = SlackPayloads.Submission(_workspace.TeamId, _workspace.SlackUser(Role.Finance), view, state);

        // Act
        await _slack.SendFrameAsync(Envelope("e5f6a7b8-0000-4000-8000-000000000002", "interactive", submission, acceptsPayload: true));

        // Assert
        var ack = await _slack.NextAckAsync();
        Assert.Equal("e5f6a7b8-0000-4000-8000-000000000002", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("errors", ack["payload"]!["response_action"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(ack["payload"]!["errors"]!["input:amount"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SlashCommandEnvelope_Queue_AnsweredThroughResponseUrl()
    {
        var command = SlackPayloads.Command(_workspace.TeamId, _workspace.SlackUser(Role.Finance), SlackWorkspace.Channel, "queue",
            _slack.ResponseUrl("commands/T/2/xyz"));
        var payload = new JsonObject();
        foreach (var (key, value) in command)
        {
            payload[key] = value;
        }

        await _slack.SendFrameAsync(Envelope("c0ffee00-0000-4000-8000-000000000003", "slash_commands", payload, acceptsPayload: true));

        var ack = await _slack.NextAckAsync();
        Assert.Equal("c0ffee00-0000-4000-8000-000000000003", ack["envelope_id"]!.GetValue<string>());
        var answer = await _slack.WaitForAsync("response_url");
        Assert.Equal("ephemeral", answer.Body["response_type"]!.GetValue<string>());
    }

    private static JsonObject Envelope(string id, string type, JsonObject payload, bool acceptsPayload) => new()
    {
        ["envelope_id"] = id, ["type"] = type, ["payload"] = payload, ["accepts_response_payload"] = acceptsPayload, ["retry_attempt"] = 0,
        ["retry_reason"] = "",
    };
}
