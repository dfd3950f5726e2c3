namespace Allometry.Core.Postgres.Outbox;

using Allometry.Core.Postgres.People;
using Dapper;

// What an operator does from the CLI (allometry outbox status|retry|purge-dead), across tenants.
public sealed partial class OutboxStore
{
    private const string CountsSql = """
        SELECT status AS Status, count(*) AS Count, min(next_attempt_at) AS OldestDue
        FROM outbox GROUP BY status
        """;

    // Posts a crash interrupted (migration 0016): found and recorded, or posted again without knowing.
    private const string ReconciledSql = """
        SELECT count(*) FILTER (WHERE reconciliation = 'found') AS Found,
               count(*) FILTER (WHERE reconciliation = 'no_lookup' OR reconciliation LIKE 'lookup_failed:%') AS Unchecked
        FROM outbox WHERE reconciliation IS NOT NULL
        """;

    private const string DeadSql = """
        SELECT outbox_id AS OutboxId, tenant_id AS TenantId, platform AS Platform, conversation_id AS ConversationId,
               kind AS Kind, attempts AS Attempts, last_error AS LastError, updated_at AS DiedAt
        FROM outbox WHERE status = 'dead'
        ORDER BY updated_at DESC, outbox_id DESC
        LIMIT @limit
        """;

    private const string RetrySql = """
        UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = @now, updated_at = @now
        WHERE status = 'dead' AND (@id::bigint IS NULL OR outbox_id = @id)
        """;

    private const string PurgeSql = """
        DELETE FROM outbox WHERE status = 'dead' AND (@before::timestamptz IS NULL OR updated_at < @before)
        """;

    /// <summary>How many messages are pending, in flight, sent and dead, and the oldest pending one's due time.</summary>
    public async Task<OutboxStatusCounts> CountAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<CountRow>(new CommandDefinition(CountsSql, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        long Of(string status) => rows.FirstOrDefault(r => r.Status == status)?.Count ?? 0;
        var oldest = rows.FirstOrDefault(r => r.Status == "pending")?.OldestDue;
        var (found, unchecked_) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(ReconciledSql, cancellationToken: ct)).ConfigureAwait(false);
        return new OutboxStatusCounts(Of("pending"), Of("sending"), Of("sent"), Of("dead"),
            oldest is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null, found, unchecked_);
    }

    /// <summary>The most recently dead-lettered messages, newest first.</summary>
    public async Task<IReadOnlyList<DeadMessage>> ListDeadAsync(int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DeadRow>(new CommandDefinition(DeadSql, new { limit }, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => new DeadMessage(r.OutboxId, r.TenantId, PeopleCodes.ParsePlatform(r.Platform), r.ConversationId,
            OutboxCodes.ParseKind(r.Kind), r.Attempts, r.LastError, new DateTimeOffset(DateTime.SpecifyKind(r.DiedAt, DateTimeKind.Utc))))];
    }

    /// <summary>Puts dead messages (one, or all when <paramref name="outboxId"/> is null) back in the queue with a fresh attempt count.</summary>
    public async Task<int> RetryDeadAsync(long? outboxId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(RetrySql, new { id = outboxId, now = time.GetUtcNow().UtcDateTime }, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>Deletes dead messages (all, or those dead since before <paramref name="before"/>).</summary>
    public async Task<int> PurgeDeadAsync(DateTimeOffset? before, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(PurgeSql, new { before = before?.UtcDateTime }, cancellationToken: ct)).ConfigureAwait(false);
    }

    private sealed class CountRow
    {
        public string Status { get; init; } = "";
        public long Count { get; init; }
        public DateTime? OldestDue { get; init; }
    }

    private sealed class DeadRow
    {
        public long OutboxId { get; init; }
        public string TenantId { get; init; } = "";
        public string Platform { get; init; } = "";
        public string ConversationId { get; init; } = "";
        public string Kind { get; init; } = "";
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public DateTime DiedAt { get; init; }
    }
}
