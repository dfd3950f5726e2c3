namespace Allometry.Bot.Tests.Outbox;

using Allometry.Bot.Outbox;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Outbox;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>An outbox on a database of its own, messages to queue, and dispatchers to run against fake platforms.</summary>
internal sealed class DispatcherTestBed(NpgsqlDataSource dataSource, OutboxOptions? storeOptions = null)
{
    public OutboxStore Store { get; } = new(dataSource, TimeProvider.System,
        storeOptions ?? new OutboxOptions { BaseDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 10, Lease = TimeSpan.FromSeconds(10) });

    public string Tenant { get; private set; } = "";

    public static PlatformRateLimits Fast(Platform platform) => new(500, null);

    public async Task<DispatcherTestBed> WithTenantAsync()
    {
        Tenant = "disp-" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES (@tenant, 'Dispatcher test')", new { tenant = Tenant });
        return this;
    }

    public static NoticeCard Card(string text) => new() { Language = Language.En, Kind = NoticeKind.Information, Title = text, FallbackText = text };

    /// <summary>Queues one post per (conversation, n) with the card text "conversation#n"; returns the texts.</summary>
    public async Task<IReadOnlyList<string>> EnqueueAsync(int conversations, int perConversation, Platform platform = Platform.Slack, string prefix = "C")
    {
        var texts = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var n = 0; n < perConversation; n++)
        {
            for (var c = 0; c < conversations; c++)
            {
                var text = $"{prefix}{c}#{n}";
                await Store.EnqueueAsync(connection, transaction, new OutboxMessage
                {
                    TenantId = Tenant, Address = new ChannelAddress(platform, "T0TEAM", $"{prefix}{c}"), Card = Card(text), DedupeKey = text,
                }, CancellationToken.None);
                texts.Add(text);
            }
        }
        await transaction.CommitAsync();
        return texts;
    }

    public OutboxDispatcher Dispatcher(IEnumerable<IChatChannel> channels, OutboxDispatcherOptions? options = null, Func<Platform, PlatformRateLimits>? limits = null) =>
        new(Store, channels, options ?? new OutboxDispatcherOptions { PollInterval = TimeSpan.FromMilliseconds(50) }, TimeProvider.System,
            NullLogger<OutboxDispatcher>.Instance, limits ?? Fast);

    /// <summary>Waits until <paramref name="done"/> holds, checking every 50 ms, for at most <paramref name="limit"/>.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> done, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await done()) return true;
            await Task.Delay(50);
        }
        return await done();
    }

    public async Task<bool> AllSentAsync(long expected) => (await Store.CountAsync(CancellationToken.None)).Sent >= expected;
}
