namespace Allometry.Bot.Tests.Outbox;

using System.Collections.Concurrent;
using Allometry.Adapters.Teams;
using Allometry.Bot.Outbox;
using Allometry.Core.Cards;
using Allometry.Core.People;
using Allometry.Core.Postgres.Outbox;
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
/// The dispatcher through the real Teams adapter to a loopback connector where one chat refuses the bot's writes
/// (403 <c>ConversationBlockedByUser</c>, the connector's documented body): the first post dies with
/// <c>MessageWritesBlocked</c> and one operator notice, the rest die as <c>conversation_blocked</c> without calling
/// the connector and without more notices, and nothing is retried.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TeamsWriteBlockDispatchTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Blocked = "19:blockedchat@thread.v2";
    private const string Operators = "19:operators@thread.v2";

    private readonly ConcurrentQueue<string> _posts = new();
    private TestDatabase _database = null!;
    private WebApplication _connector = null!;
    private string _serviceUrl = "";

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _connector = builder.Build();
        _connector.MapPost("/v3/conversations/{conversation}/activities", (string conversation) =>
        {
            _posts.Enqueue(conversation);
            return conversation == Blocked
                ? Results.Json(new { error = new { code = "ConversationBlockedByUser", message = "User blocked the conversation with the bot." } }, statusCode: 403)
                : Results.Json(new { id = "act-" + Guid.NewGuid().ToString("N")[..8] });
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
    public async Task ExecuteAsync_ConversationBlocksTheBot_AllItsPostsDeadOneNoticeOneConnectorCall()
    {
        // Arrange: three posts to the blocking chat; the operator channel is another Teams chat.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:ConnectorAllowedHosts:0"] = "127.0.0.1",
        }).Build();
        await using var services = new ServiceCollection().AddSingleton(_database.DataSource).AddTeams(configuration).BuildServiceProvider();
        var bed = await new DispatcherTestBed(_database.DataSource).WithTenantAsync();
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            for (var n = 0; n < 3; n++)
            {
                await bed.Store.EnqueueAsync(connection, null, new OutboxMessage
                {
                    TenantId = bed.Tenant, Address = new ChannelAddress(Platform.Teams, "entra-1", Blocked, _serviceUrl),
                    Card = DispatcherTestBed.Card($"digest #{n}"), DedupeKey = $"blocked#{n}",
                }, CancellationToken.None);
            }
        }
        var dispatcher = bed.Dispatcher(services.GetServices<IChatChannel>(), new OutboxDispatcherOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(50),
            OperatorChannel = new OperatorChannelOptions { Platform = Platform.Teams, Realm = "entra-1", ConversationId = Operators, ServiceUrl = _serviceUrl },
        });

        // Act
        await dispatcher.StartAsync(CancellationToken.None);
        var settled = await DispatcherTestBed.EventuallyAsync(async () =>
        {
            var counts = await bed.Store.CountAsync(CancellationToken.None);
            return counts.Dead == 3 && counts.Sent == 1;
        }, TimeSpan.FromSeconds(30));
        await dispatcher.StopAsync(CancellationToken.None);

        // Assert
        Assert.True(settled, "the blocked posts did not all go dead with one notice delivered");
        var counts = await bed.Store.CountAsync(CancellationToken.None);
        Assert.Equal((0L, 0L), (counts.Pending, counts.Sending));
        Assert.Equal([Blocked, Operators], _posts.Order(StringComparer.Ordinal));
        var dead = await bed.Store.ListDeadAsync(10, CancellationToken.None);
        Assert.Equal(["MessageWritesBlocked", "conversation_blocked", "conversation_blocked"],
            dead.OrderBy(d => d.OutboxId).Select(d => d.LastError));
        Assert.All(dead, d => Assert.Equal(1, d.Attempts));
    }
}
