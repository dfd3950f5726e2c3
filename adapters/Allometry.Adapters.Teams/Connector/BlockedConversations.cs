namespace Allometry.Adapters.Teams.Connector;

using Dapper;
using Npgsql;

/// <summary>
/// Conversations whose writes the connector refused with 403 <c>MessageWritesBlocked</c> (the user blocked the
/// bot), in <c>teams_write_blocks</c> (migration 0015): every instance, before and after a restart, stops posting
/// there without calling the connector again, until the conversation speaks to the bot again (a message, a
/// <c>conversationUpdate</c>, a re-installation), which clears the block. Read and written as the owner: a block
/// is a fact about a Teams conversation, found before any tenant is known.
/// </summary>
internal sealed class BlockedConversations(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>
    /// Records a refusal for each id; true when at least one was not blocked yet. A block already recorded keeps
    /// its first time and error (the operator is told about the first refusal, not each repeat).
    /// </summary>
    public async Task<bool> RecordAsync(IReadOnlyCollection<string> conversationIds, string? realm, string errorCode, int httpStatus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        const string sql = """
            INSERT INTO teams_write_blocks (conversation_id, realm, error_code, http_status, blocked_at)
            SELECT id, @realm, @errorCode, @httpStatus, @now FROM unnest(@ids) AS id
            ON CONFLICT (conversation_id) DO UPDATE SET realm = COALESCE(teams_write_blocks.realm, excluded.realm)
            RETURNING (xmax = 0) AS inserted
            """;
        var ids = Distinct(conversationIds);
        if (ids.Length == 0) return false;
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var inserted = await connection.QueryAsync<bool>(new CommandDefinition(sql,
            new { ids, realm, errorCode, httpStatus, now = time.GetUtcNow() }, cancellationToken: ct)).ConfigureAwait(false);
        return inserted.Any(i => i);
    }

    /// <summary>
    /// When any of <paramref name="conversationIds"/> is blocked, counts one more refused post on it and returns the
    /// block; null when posting may go ahead. One statement: the check and the count cannot disagree.
    /// </summary>
    public async Task<WriteBlock?> RefuseIfBlockedAsync(IReadOnlyCollection<string> conversationIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        const string sql = """
            UPDATE teams_write_blocks SET refused_posts = refused_posts + 1, last_refused_at = @now
            WHERE conversation_id = ANY(@ids)
            RETURNING conversation_id AS ConversationId, realm AS Realm, error_code AS ErrorCode, http_status AS HttpStatus,
                      blocked_at AS BlockedAt, refused_posts AS RefusedPosts, last_refused_at AS LastRefusedAt
            """;
        var ids = Distinct(conversationIds);
        if (ids.Length == 0) return null;
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { ids, now = time.GetUtcNow() }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.Select(r => r.ToBlock()).OrderBy(b => b.BlockedAt).FirstOrDefault();
    }

    /// <summary>Lifts the blocks on these ids (the conversation spoke to the bot again); how many there were.</summary>
    public async Task<int> ClearAsync(IReadOnlyCollection<string> conversationIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        const string sql = "DELETE FROM teams_write_blocks WHERE conversation_id = ANY(@ids)";
        var ids = Distinct(conversationIds);
        if (ids.Length == 0) return 0;
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { ids }, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>Every block, oldest first (<c>allometry teams blocked</c>).</summary>
    public async Task<IReadOnlyList<WriteBlock>> ListAsync(CancellationToken ct)
    {
        const string sql = """
            SELECT conversation_id AS ConversationId, realm AS Realm, error_code AS ErrorCode, http_status AS HttpStatus,
                   blocked_at AS BlockedAt, refused_posts AS RefusedPosts, last_refused_at AS LastRefusedAt
            FROM teams_write_blocks ORDER BY blocked_at, conversation_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToBlock())];
    }

    /// <summary>
    /// The ids a post to <paramref name="conversationId"/> may be blocked under: the id itself and, for a channel
    /// thread (<c>19:…@thread.tacv2;messageid=…</c>), its channel.
    /// </summary>
    public static string[] KeysOf(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread > 0 ? [conversationId, conversationId[..thread]] : [conversationId];
    }

    private static string[] Distinct(IEnumerable<string> ids) =>
        [.. ids.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal)];

    // Npgsql reads timestamptz as UTC DateTime; the record keeps DateTimeOffset.
    private sealed record Row(string ConversationId, string? Realm, string ErrorCode, int HttpStatus, DateTime BlockedAt, int RefusedPosts, DateTime? LastRefusedAt)
    {
        public WriteBlock ToBlock() => new(ConversationId, Realm, ErrorCode, HttpStatus,
            new DateTimeOffset(BlockedAt, TimeSpan.Zero), RefusedPosts, LastRefusedAt is { } last ? new DateTimeOffset(last, TimeSpan.Zero) : null);
    }
}
