namespace Allometry.Bot.Tests.Outbox;

using Allometry.Core.People;
using Allometry.Core.Postgres.Migrations;
using Allometry.Core.Postgres.Outbox;
using Allometry.Core.Postgres.Server;
using Npgsql;

/// <summary>
/// PostgreSQL restarted while the dispatcher delivers: it keeps claiming and settling once the
/// server is back, and every message is delivered exactly once. Uses a private server of its own
/// (the shared one must not stop under other tests); in the collection so it never runs beside them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxDispatcherRestartTests
{
    [Fact]
    public async Task ExecuteAsync_PostgresRestartedMidRun_RecoversAndDeliversEverythingOnce()
    {
        // Arrange
        var options = PostgresServerOptions.ForTests() with { DeleteOnDispose = false };
        PostgresServer? server = await PostgresServer.StartAsync(options);
        try
        {
            var port = server.Port;
            await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Timeout = 3 }.ConnectionString);
            await new Migrator(dataSource).MigrateAsync();
            var bed = await new DispatcherTestBed(dataSource,
                new OutboxOptions { BaseDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 10, Lease = TimeSpan.FromSeconds(5) }).WithTenantAsync();
            var texts = await bed.EnqueueAsync(conversations: 30, perConversation: 8);
            var platform = new FakeChatChannel(Platform.Slack);
            var dispatcher = bed.Dispatcher([platform], limits: _ => new Bot.Outbox.PlatformRateLimits(5, null));
            await dispatcher.StartAsync(CancellationToken.None);
            Assert.True(await DispatcherTestBed.EventuallyAsync(() => Task.FromResult(platform.Delivered.Count >= 30), TimeSpan.FromSeconds(30)));

            // Act: the server goes away for two seconds mid-run, then comes back on its port
            await server.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            server = await PostgresServer.StartAsync(options);
            var done = await DispatcherTestBed.EventuallyAsync(() => bed.AllSentAsync(texts.Count), TimeSpan.FromSeconds(60));
            await dispatcher.StopAsync(CancellationToken.None);

            // Assert
            Assert.Equal(port, server.Port);
            Assert.True(done, $"after the restart only {(await bed.Store.CountAsync(CancellationToken.None)).Sent} of {texts.Count} were marked sent");
            var delivered = platform.Delivered.Select(d => d.Text).ToList();
            Assert.Equal(texts.Order(StringComparer.Ordinal), delivered.Order(StringComparer.Ordinal));
        }
        finally
        {
            await server.DisposeAsync();
            Directory.Delete(options.InstanceDirectory, recursive: true);
        }
    }
}
