namespace Allometry.Adapters.Slack.Inbound;

using System.Collections.Concurrent;
using Dapper;
using Npgsql;

/// <summary>
/// Events API deliveries seen, so a retry (same <c>event_id</c>, <c>X-Slack-Retry-Num</c>) or a second
/// connection's copy is processed once: a bounded memory of recent ids answers the common case, and
/// <c>slack_event_receipts</c> (insert-if-absent) decides across restarts and replicas.
/// </summary>
internal sealed class EventReceipts(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const int MemoryLimit = 50_000;
    private static readonly TimeSpan RetryHorizon = TimeSpan.FromDays(2);
    private readonly ConcurrentDictionary<string, byte> _recent = new(StringComparer.Ordinal);

    /// <summary>True the first time an event id is seen; false for every later delivery.</summary>
    public async Task<bool> FirstTimeAsync(string eventId, string teamId, CancellationToken ct)
    {
        if (!_recent.TryAdd(eventId, 0))
        {
            return false;
        }
        if (_recent.Count > MemoryLimit)
        {
            // Cheap bound: the database still remembers what the memory forgets, for Slack's retry horizon.
            _recent.Clear();
            _recent.TryAdd(eventId, 0);
            await PurgeAsync(RetryHorizon, ct).ConfigureAwait(false);
        }
        const string sql = """
            INSERT INTO slack_event_receipts (event_id, team_id, received_at) VALUES (@eventId, @teamId, @now)
            ON CONFLICT (event_id) DO NOTHING
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(sql, new { eventId, teamId, now = time.GetUtcNow() }, cancellationToken: ct))
            .ConfigureAwait(false);
        return inserted == 1;
    }

    /// <summary>Forgets one receipt: the event could not be queued, so Slack's retry must be processed.</summary>
    public async Task ForgetAsync(string eventId, CancellationToken ct)
    {
        _recent.TryRemove(eventId, out _);
        const string sql = "DELETE FROM slack_event_receipts WHERE event_id = @eventId";
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { eventId }, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>Forgets receipts older than Slack's retry horizon.</summary>
    public async Task<int> PurgeAsync(TimeSpan olderThan, CancellationToken ct)
    {
        const string sql = "DELETE FROM slack_event_receipts WHERE received_at < @cutoff";
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { cutoff = time.GetUtcNow() - olderThan }, cancellationToken: ct))
            .ConfigureAwait(false);
    }
}
