namespace Allometry.Bot.Tests.Outbox;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams;
using Allometry.Core.Cards;
using Allometry.Core.People;
using Allometry.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The dispatcher through the real Teams adapter (<c>AddTeams</c>'s IChatChannel, local mode) to a
/// loopback Bot Framework connector that throttles every third post with 429 + Retry-After: every
/// card arrives once, the throttled conversation is not called again before Retry-After, and an
/// update replaces the activity it posted.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TeamsLoopbackDispatchTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<(string Method, string Conversation, TimeSpan At, int Status, string? Summary, string? ActivityId)> _calls = new();
    private TestDatabase _database = null!;
    private WebApplication _connector = null!;
    private string _serviceUrl = "";
    private int _posts;

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _connector = builder.Build();
        _connector.MapPost("/v3/conversations/{conversation}/activities", async (string conversation, HttpContext context) =>
        {
            var activity = await JsonNode.ParseAsync(context.Request.Body);
            if (Interlocked.Increment(ref _posts) % 3 == 0)
            {
                _calls.Enqueue(("POST", conversation, _clock.Elapsed, 429, null, null));
                context.Response.Headers.RetryAfter = "1";
                return Results.Json(new { error = new { code = "TooManyRequests", message = "slow down" } }, statusCode: 429);
            }
            var id = "act-" + Guid.NewGuid().ToString("N")[..8];
            _calls.Enqueue(("POST", conversation, _clock.Elapsed, 200, activity?["summary"]?.GetValue<string>(), id));
            return Results.Json(new { id });
        });
        _connector.MapPut("/v3/conversations/{conversation}/activities/{activityId}", async (string conversation, string activityId, HttpContext context) =>
        {
            var activity = await JsonNode.ParseAsync(context.Request.Body);
            _calls.Enqueue(("PUT", conversation, _clock.Elapsed, 200, activity?["summary"]?.GetValue<string>(), activityId));
            return Results.Json(new { id = activityId });
        });
        await _connector.StartAsync();
        _serviceUrl = _connector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_ThroughTheTeamsAdapterToAThrottlingConnector_EachCardOnceRetryAfterHonouredUpdateInPlace()
    {
        // Arrange: the Teams adapter in local mode, allowed to call the loopback connector, no retries of its own
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:ConnectorAllowedHosts:0"] = "127.0.0.1",
            ["Teams:MaxAttempts"] = "1",
        }).Build();
        await using var services = new ServiceCollection().AddSingleton(_database.DataSource).AddTeams(configuration).BuildServiceProvider();
        var bed = await new DispatcherTestBed(_database.DataSource).WithTenantAsync();
        var texts = new List<string>();
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            for (var c = 0; c < 4; c++)
            {
                for (var n = 0; n < 3; n++)
                {
                    var text = $"chat{c}#{n}";
                    texts.Add(text);
                    await bed.Store.EnqueueAsync(connection, null, new Core.Postgres.Outbox.OutboxMessage
                    {
                        TenantId = bed.Tenant, Address = new ChannelAddress(Platform.Teams, "entra-1", $"19:chat{c}@thread.v2", _serviceUrl),
                        Card = DispatcherTestBed.Card(text), DedupeKey = text, ExceptionId = n == 0 ? 500 + c : null,
                    }, CancellationToken.None);
                }
            }
        }
        var dispatcher = bed.Dispatcher(services.GetServices<IChatChannel>());

        // Act: deliver, then a state change of exception 500 updates its posted copy
        await dispatcher.StartAsync(CancellationToken.None);
        var delivered = await DispatcherTestBed.EventuallyAsync(() => bed.AllSentAsync(texts.Count), TimeSpan.FromSeconds(40));
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            await bed.Store.EnqueueExceptionUpdateAsync(connection, null, bed.Tenant, 500, Card500(), CancellationToken.None);
        }
        var updated = await DispatcherTestBed.EventuallyAsync(() => bed.AllSentAsync(texts.Count + 1), TimeSpan.FromSeconds(20));
        await dispatcher.StopAsync(CancellationToken.None);

        // Assert
        Assert.True(delivered && updated, "not everything reached the connector in time");
        var calls = _calls.ToList();
        var accepted = calls.Where(c => c is { Method: "POST", Status: 200 }).ToList();
        Assert.Equal(texts.Order(StringComparer.Ordinal), accepted.Select(c => c.Summary!).Order(StringComparer.Ordinal));
        Assert.Contains(calls, c => c.Status == 429);
        foreach (var conversation in calls.GroupBy(c => c.Conversation))
        {
            var ordered = conversation.OrderBy(c => c.At).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
                if (ordered[i].Status == 429)
                    Assert.True(ordered[i + 1].At - ordered[i].At >= TimeSpan.FromMilliseconds(985), $"{conversation.Key} called again too soon after a 429");
        }
        var update = Assert.Single(calls, c => c.Method == "PUT");
        var firstPost = accepted.Single(c => c.Summary == "chat0#0");
        Assert.Equal(("19:chat0@thread.v2", firstPost.ActivityId), (update.Conversation, update.ActivityId));
        Assert.Equal("500 v2 escalated", update.Summary);
    }

    private static ExceptionCard Card500() => new()
    {
        Language = Core.Localization.Language.En, FallbackText = "500 v2 escalated", ExceptionId = 500, Version = 2, RuleId = "DepositShort",
        Severity = Core.Rules.Severity.High, SeverityLabel = "High", Title = "Deposit short", Detail = "Short", SuggestedAction = "Call",
        AmountAtRisk = 10m, AmountText = "10,00 $", StatusLine = "Escalated",
    };
}
