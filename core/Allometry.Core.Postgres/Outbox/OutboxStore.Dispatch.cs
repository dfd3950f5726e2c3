namespace Allometry.Core.Postgres.Outbox;

using Allometry.Core.Cards;
using Allometry.Core.People;
using Allometry.Core.Postgres.People;
using Dapper;
using Npgsql;
using NpgsqlTypes;

// The dispatcher's side: claim, mark sent, fail, defer. Each conversation is a lane: a claim
// takes only the oldest due message of a conversation that has nothing in flight, so messages to
// one conversation leave in order (a post before its updates) and never two at once, even across
// dispatchers. SKIP LOCKED lets several dispatchers claim side by side; a claim whose row another
// dispatcher committed first is re-checked by PostgreSQL and dropped, so no row is claimed twice.
public sealed partial class OutboxStore
{
    private const string ClaimSql = """
        WITH heads AS (
            SELECT DISTINCT ON (o.platform, o.realm, o.conversation_id) o.outbox_id, o.next_attempt_at
            FROM outbox o
            WHERE o.status IN ('pending', 'sending') AND o.next_attempt_at <= @now
              AND (o.status = 'pending' OR o.lease_until <= @now)
              AND o.platform = ANY(@platforms)
              AND NOT EXISTS (
                  SELECT 1 FROM outbox s
                  WHERE s.status = 'sending' AND s.lease_until > @now
                    AND s.platform = o.platform AND s.realm = o.realm AND s.conversation_id = o.conversation_id)
            ORDER BY o.platform, o.realm, o.conversation_id, o.next_attempt_at, o.outbox_id
        ),
        picked AS (
            SELECT o.outbox_id
            FROM outbox o JOIN heads h ON h.outbox_id = o.outbox_id
            WHERE o.next_attempt_at <= @now AND (o.status = 'pending' OR (o.status = 'sending' AND o.lease_until <= @now))
            ORDER BY h.next_attempt_at, o.outbox_id
            LIMIT @limit
            FOR UPDATE OF o SKIP LOCKED
        )
        -- A post taken over from an expired lease may have landed without being recorded: from the
        -- first such attempt's start on, its posts are looked up before posting again (0016).
        UPDATE outbox o SET status = 'sending', lease_owner = @owner, lease_until = @leaseUntil, attempts = o.attempts + 1, updated_at = @now,
               attempt_started_at = @now,
               unsettled_since = CASE WHEN o.kind = 'post' AND o.status = 'sending'
                                      THEN coalesce(o.unsettled_since, o.attempt_started_at, o.created_at)
                                      ELSE o.unsettled_since END
        FROM picked p WHERE o.outbox_id = p.outbox_id
        RETURNING o.outbox_id, o.tenant_id, o.platform, o.realm, o.conversation_id, o.service_url, o.kind, o.message_id,
                  o.card::text, o.exception_id, o.dedupe_key, o.attempts, o.revision, o.unsettled_since, o.lease_until
        """;

    // One statement per batch: mark sent, record where posts of exception cards landed, and
    // queue the newer card for a post whose card was replaced while it was in flight.
    private const string SentSql = """
        WITH input AS (
            SELECT * FROM unnest(@ids, @postedIds, @postedConversations, @revisions, @reconciliations)
                AS i(outbox_id, posted_id, posted_conversation, claimed_revision, reconciliation)
        ),
        sent AS (
            UPDATE outbox o SET status = 'sent', sent_at = @now, updated_at = @now, lease_owner = NULL, lease_until = NULL, last_error = NULL,
                                unsettled_since = NULL, reconciliation = coalesce(i.reconciliation, o.reconciliation)
            FROM input i
            WHERE o.outbox_id = i.outbox_id AND o.status = 'sending' AND o.lease_owner = @owner
            RETURNING o.outbox_id, o.tenant_id, o.platform, o.realm, o.conversation_id, o.service_url, o.kind, o.exception_id,
                      o.card, o.language, o.revision, i.posted_id, coalesce(i.posted_conversation, o.conversation_id) AS posted_conversation,
                      i.claimed_revision
        ),
        mapped AS (
            INSERT INTO message_map (tenant_id, exception_id, platform, realm, conversation_id, service_url, message_id, language, posted_at)
            SELECT DISTINCT ON (s.tenant_id, s.exception_id, s.platform, s.posted_conversation)
                   s.tenant_id, s.exception_id, s.platform, s.realm, s.posted_conversation, s.service_url, s.posted_id,
                   coalesce(s.language, 'en'), @now
            FROM sent s
            WHERE s.kind = 'post' AND s.exception_id IS NOT NULL AND s.posted_id IS NOT NULL
            ORDER BY s.tenant_id, s.exception_id, s.platform, s.posted_conversation, s.outbox_id DESC
            ON CONFLICT (tenant_id, exception_id, platform, conversation_id) DO UPDATE
                SET realm = EXCLUDED.realm, service_url = EXCLUDED.service_url, message_id = EXCLUDED.message_id,
                    language = EXCLUDED.language, posted_at = EXCLUDED.posted_at
        ),
        refreshed AS (
            INSERT INTO outbox (tenant_id, platform, realm, conversation_id, service_url, kind, message_id, card, language, exception_id,
                                dedupe_key, next_attempt_at, created_at, updated_at)
            SELECT s.tenant_id, s.platform, s.realm, s.posted_conversation, s.service_url, 'update', s.posted_id, s.card, s.language, s.exception_id,
                   'refresh:' || s.outbox_id || ':' || s.revision, @now, @now, @now
            FROM sent s
            WHERE s.kind = 'post' AND s.posted_id IS NOT NULL AND s.revision > s.claimed_revision
            ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
        )
        SELECT count(*)::int FROM sent
        """;

    private const string FailSql = """
        -- A post whose outcome is unknown (timed out, connection lost) may have landed: its next
        -- attempt looks it up first, from this attempt's start on (0016).
        UPDATE outbox SET status = @status, attempts = attempts - @uncounted, next_attempt_at = @next, last_error = @code,
                          lease_owner = NULL, lease_until = NULL, updated_at = @now,
                          unsettled_since = CASE WHEN @mayHaveLanded AND kind = 'post'
                                                 THEN coalesce(unsettled_since, attempt_started_at, created_at)
                                                 ELSE unsettled_since END
        WHERE outbox_id = @id AND status = 'sending' AND lease_owner = @owner
        RETURNING 1
        """;

    private const string DeferSql = """
        UPDATE outbox o SET status = 'pending', attempts = o.attempts - 1, next_attempt_at = greatest(o.next_attempt_at, i.at), lease_owner = NULL, lease_until = NULL, updated_at = @now
        FROM unnest(@ids, @ats) AS i(outbox_id, at)
        WHERE o.outbox_id = i.outbox_id AND o.status = 'sending' AND o.lease_owner = @owner
        """;

    /// <summary>
    /// Claims up to <paramref name="limit"/> due messages for <paramref name="owner"/> (a
    /// dispatcher's unique name) under a lease of <see cref="OutboxOptions.Lease"/>: at most one
    /// per conversation, none for a conversation that has a message in flight, oldest due first. Each claim counts
    /// as an attempt; <see cref="DeferAsync"/> gives it back.
    /// </summary>
    public Task<IReadOnlyList<OutboxClaim>> ClaimAsync(string owner, int limit, CancellationToken ct) =>
        ClaimAsync(owner, limit, Enum.GetValues<Platform>(), ct);

    /// <summary>
    /// As <see cref="ClaimAsync(string, int, CancellationToken)"/>, only for messages to
    /// <paramref name="platforms"/>: a host that has no channel for a platform leaves its messages
    /// to an instance that has one.
    /// </summary>
    public async Task<IReadOnlyList<OutboxClaim>> ClaimAsync(string owner, int limit, IReadOnlyCollection<Platform> platforms, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(platforms);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(ClaimSql, connection);
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", now.UtcDateTime));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("leaseUntil", (now + _options.Lease).UtcDateTime));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        command.Parameters.Add(new NpgsqlParameter<string[]>("platforms", [.. platforms.Select(PeopleCodes.ToCode)]));
        var claims = new List<OutboxClaim>();
        await using var r = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            claims.Add(new OutboxClaim
            {
                OutboxId = r.GetInt64(0),
                TenantId = r.GetString(1),
                Address = Address(r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)),
                Kind = OutboxCodes.ParseKind(r.GetString(6)),
                MessageId = r.IsDBNull(7) ? null : r.GetString(7),
                Card = r.IsDBNull(8) ? null : OutboxCardJson.Read(r.GetString(8)),
                ExceptionId = r.IsDBNull(9) ? null : r.GetInt64(9),
                DedupeKey = r.GetString(10),
                Attempts = r.GetInt32(11),
                Revision = r.GetInt32(12),
                UnsettledSince = r.IsDBNull(13) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(13), DateTimeKind.Utc)),
                LeaseUntil = new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(14), DateTimeKind.Utc)),
                LeaseOwner = owner,
            });
        }
        return claims;
    }

    /// <summary>
    /// Marks delivered messages sent (only those whose lease the caller still holds) and records
    /// where posts of exception cards landed in the message map — the same for a post found by
    /// looking it up after a crash (<see cref="OutboxDelivery.Reconciliation"/> says how an
    /// interrupted post was settled, and stays on the row). Returns how many were marked.
    /// </summary>
    public async Task<int> MarkSentAsync(IReadOnlyList<OutboxDelivery> deliveries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var marked = 0;
        foreach (var byOwner in deliveries.GroupBy(d => d.Claim.LeaseOwner, StringComparer.Ordinal))
        {
            var batch = byOwner.ToList();
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(SentSql, connection);
            command.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. batch.Select(d => d.Claim.OutboxId)]));
            command.Parameters.Add(new NpgsqlParameter("postedIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(d => (object?)d.MessageId ?? DBNull.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("postedConversations", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(d => (object?)d.PostedConversationId ?? DBNull.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<int[]>("revisions", [.. batch.Select(d => d.Claim.Revision)]));
            command.Parameters.Add(new NpgsqlParameter("reconciliations", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(d => (object?)Reconciliation(d.Reconciliation) ?? DBNull.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string>("owner", byOwner.Key));
            command.Parameters.Add(new NpgsqlParameter<DateTime>("now", time.GetUtcNow().UtcDateTime));
            marked += (int)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false) ?? 0);
        }
        return marked;
    }

    /// <summary>
    /// Records a failed attempt: the message is retried after a backoff (doubling from
    /// <see cref="OutboxOptions.BaseDelay"/>, ±20 % jitter, never before the platform's
    /// Retry-After), or dead-lettered when the failure is permanent or
    /// <see cref="OutboxOptions.MaxAttempts"/> attempts failed. A throttle (Retry-After given) is
    /// the platform's pacing, not the message's fault, and does not count as an attempt. A post
    /// whose failure leaves its outcome unknown (<see cref="OutboxFailure.MayHaveLanded"/>) is
    /// looked up before its next attempt posts again. When the
    /// message dies, <paramref name="deadNotice"/>'s message (an operator notice) is queued in
    /// the same transaction; its dedupe key makes it once per dead message.
    /// </summary>
    public async Task<OutboxFailOutcome> FailAsync(OutboxClaim claim, OutboxFailure failure, Func<OutboxClaim, OutboxMessage?>? deadNotice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(failure);
        var now = time.GetUtcNow();
        var throttled = failure.RetryAfter is not null && !failure.Permanent;
        var dead = failure.Permanent || (!throttled && claim.Attempts >= _options.MaxAttempts);
        var next = dead ? now : now + RetryDelay(claim.Attempts, failure.RetryAfter);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var updated = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(FailSql, new
        {
            id = claim.OutboxId, owner = claim.LeaseOwner, status = OutboxCodes.ToCode(dead ? OutboxStatus.Dead : OutboxStatus.Pending),
            uncounted = throttled ? 1 : 0, next = next.UtcDateTime, code = Truncate(failure.Code), now = now.UtcDateTime,
            mayHaveLanded = failure.MayHaveLanded,
        }, transaction, cancellationToken: ct)).ConfigureAwait(false);
        if (updated is null) return new OutboxFailOutcome(false, null, LeaseLost: true);
        if (dead && deadNotice?.Invoke(claim) is { } notice)
        {
            await EnqueueAsync(connection, transaction, notice, ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new OutboxFailOutcome(dead, dead ? null : next);
    }

    /// <summary>
    /// Gives claimed messages back without counting the attempt, to be claimed again not before
    /// <c>at</c> (the dispatcher's pacing would have made them wait longer than is worth holding a
    /// lease for), or as they were when <c>at</c> is in the past (a stopping dispatcher: they
    /// keep their place in their conversation's order).
    /// </summary>
    public async Task<int> DeferAsync(string owner, IReadOnlyList<(long OutboxId, DateTimeOffset At)> deferrals, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(deferrals);
        if (deferrals.Count == 0) return 0;
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(DeferSql, connection);
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. deferrals.Select(d => d.OutboxId)]));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("ats", [.. deferrals.Select(d => d.At.UtcDateTime)]));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", owner));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", time.GetUtcNow().UtcDateTime));
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> attempts.</summary>
    internal TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter)
    {
        // Jitter spreads the retries of a burst that failed together; it is not security-relevant.
#pragma warning disable CA5394
        var jitter = Random.Shared.NextDouble();
#pragma warning restore CA5394
        if (retryAfter is { } wait)
        {
            // Never earlier than asked; up to 10 % later so a throttled burst does not return at once.
            var floor = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            return floor + (floor * 0.1 * jitter);
        }
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var backoff = _options.BaseDelay * Math.Pow(2, exponent);
        if (backoff > _options.MaxDelay) backoff = _options.MaxDelay;
        return backoff * (0.8 + (0.4 * jitter));
    }

    private static string? Reconciliation(string? code) => code is null ? null : Truncate(code);

    private static string Truncate(string code)
    {
        var trimmed = string.IsNullOrWhiteSpace(code) ? "unknown" : code.Trim();
        return trimmed.Length <= 80 ? trimmed : trimmed[..80];
    }
}
