namespace Allometry.Adapters.Slack.Tests.SocketMode;

using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.SocketMode;
using Allometry.Adapters.Slack.Tests.Fakes;
using Allometry.Testing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Socket Mode against a loopback WebSocket Slack: connect with the app token, hello, acks per envelope, disconnect and backoff.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SocketModeServiceTests(PostgresFixture postgres) : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackTestHost? _host;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Start_SocketMode_OpensConnectionWithAppTokenAndIsGreeted()
    {
        await StartHostAsync();

        await _slack.WaitForConnectionAsync(1);

        var open = await _slack.WaitForAsync("apps.connections.open");
        Assert.Equal("Bearer " + SlackTestHost.AppToken, open.Authorization);
        var service = _host!.Services.GetRequiredService<SocketModeService>();
        await WaitUntilAsync(() => service.Hellos == 1);
    }

    [Fact]
    public async Task Envelope_RefusedPayload_IsStillAckedWithItsEnvelopeId()
    {
        await StartHostAsync();
        await _slack.WaitForConnectionAsync(1);

        await _slack.SendFrameAsync(new JsonObject
        {
            ["envelope_id"] = "57d6a792-4d35-4d0b-b6aa-3361493e1caf", ["type"] = "interactive", ["accepts_response_payload"] = false,
            ["payload"] = new JsonObject { ["type"] = "block_actions", ["actions"] = new JsonArray() },
        });

        var ack = await _slack.NextAckAsync();
        Assert.Equal("57d6a792-4d35-4d0b-b6aa-3361493e1caf", ack["envelope_id"]!.GetValue<string>());
        Assert.Null(ack["payload"]);
    }

    [Fact]
    public async Task Disconnect_RefreshRequested_ReconnectsToAFreshUrl()
    {
        await StartHostAsync();
        await _slack.WaitForConnectionAsync(1);

        await _slack.SendFrameAsync(new JsonObject
        {
            ["type"] = "disconnect", ["reason"] = "refresh_requested",
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake" },
        });

        await _slack.WaitForConnectionAsync(2);
        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "apps.connections.open"));
    }

    [Fact]
    public async Task Start_ConnectionsOpenFailsTwice_BacksOffAndConnects()
    {
        _slack.FailNext("apps.connections.open", "internal_error");
        _slack.FailNext("apps.connections.open", "internal_error");

        await StartHostAsync();

        await _slack.WaitForConnectionAsync(1);
        Assert.Equal(3, _slack.Calls.Count(c => c.Method == "apps.connections.open"));
    }

    private async Task StartHostAsync() => _host = await SlackTestHost.StartAsync(_slack, postgres.DataSource, new Dictionary<string, string?>
    {
        ["Slack:Mode"] = "Socket",
        ["Slack:AppToken"] = SlackTestHost.AppToken,
    });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never held.");
            await Task.Delay(20);
        }
    }
}
