namespace Allometry.Core.Postgres.Outbox;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.People;
using Dapper;
using Npgsql;

/// <summary>
/// The durable outbox (migration 0011). Producers enqueue cards inside the transaction of the
/// state change that caused them, so both commit or neither does; a dispatcher claims due
/// messages (<see cref="ClaimAsync(string, int, CancellationToken)"/>), delivers them and marks them sent or failed. Posts of an
/// exception's card are recorded in the message map, so every later change of the exception
/// updates every posted copy in place (<c>EnqueueExceptionUpdateAsync</c>).
/// </summary>
/// <remarks>
/// Enqueueing runs as the caller's connection: inside a <see cref="Tenancy.TenantScope"/> the
/// tenant's row-level security applies. The dispatcher's and the operator's methods open their
/// own connections as the owner, across tenants: they touch only the outbox tables, by key, and
/// write each row's own tenant into what they derive from it.
/// </remarks>
public sealed partial class OutboxStore(NpgsqlDataSource dataSource, TimeProvider time, OutboxOptions? options = null)
{
    private const string EnqueueSql = """
        INSERT INTO outbox (tenant_id, platform, realm, conversation_id, service_url, kind, message_id, card, language, exception_id,
                            dedupe_key, next_attempt_at, created_at, updated_at)
        VALUES (@tenant, @platform, @realm, @conversation, @serviceUrl, @kind, @messageId, @card::jsonb, @language, @exceptionId,
                @dedupeKey, @now, @now, @now)
        ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
        RETURNING outbox_id
        """;

    // A newer card replaces: queued updates not yet claimed (they would be overwritten anyway),
    // the card of posts not yet landed (marking them sent queues the newer card if it changed
    // mid-flight), and every posted copy gets an update.
    private const string ExceptionUpdateSql = """
        WITH superseded AS (
            DELETE FROM outbox
            WHERE tenant_id = @tenant AND exception_id = @exceptionId AND kind = 'update' AND status = 'pending'
            RETURNING 1
        ),
        refreshed AS (
            UPDATE outbox SET card = CASE WHEN language = 'fr' THEN @cardFr::jsonb ELSE @cardEn::jsonb END,
                              revision = revision + 1, updated_at = @now
            WHERE tenant_id = @tenant AND exception_id = @exceptionId AND kind = 'post' AND status IN ('pending', 'sending')
              AND card ->> 'card' = 'exception'
            RETURNING 1
        ),
        queued AS (
            INSERT INTO outbox (tenant_id, platform, realm, conversation_id, service_url, kind, message_id, card, language,
                                exception_id, dedupe_key, next_attempt_at, created_at, updated_at)
            SELECT m.tenant_id, m.platform, m.realm, m.conversation_id, m.service_url, 'update', m.message_id,
                   CASE WHEN m.language = 'fr' THEN @cardFr::jsonb ELSE @cardEn::jsonb END, m.language, m.exception_id, @keyPrefix || m.platform || ':' || m.realm || ':' || m.conversation_id, @now, @now, @now
            FROM message_map m
            WHERE m.tenant_id = @tenant AND m.exception_id = @exceptionId
            ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
            RETURNING 1
        )
        -- Data-modifying CTEs run to completion whether or not the final SELECT reads them.
        SELECT count(*)::int FROM queued
        """;

    private const string RepostSql = """
        INSERT INTO outbox (tenant_id, platform, realm, conversation_id, service_url, kind, card, language, exception_id,
                            dedupe_key, next_attempt_at, created_at, updated_at)
        SELECT m.tenant_id, m.platform, m.realm, m.conversation_id, m.service_url, 'post',
               CASE WHEN m.language = 'fr' THEN @cardFr::jsonb ELSE @cardEn::jsonb END, m.language, m.exception_id,
               @keyPrefix || m.platform || ':' || m.realm || ':' || m.conversation_id, @now, @now, @now
        FROM message_map m
        WHERE m.tenant_id = @tenant AND m.exception_id = @exceptionId
        ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
        """;

    private readonly OutboxOptions _options = options ?? new OutboxOptions();

    /// <summary>The retry policy in force.</summary>
    public OutboxOptions Options => _options;

    /// <summary>
    /// Queues <paramref name="message"/> inside the caller's transaction: it is delivered only if
    /// that transaction commits. Returns the outbox id, or null when a message with the same
    /// dedupe key is already there.
    /// </summary>
    public async Task<long?> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(message);
        message.Validate();
        var address = message.Address;
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(EnqueueSql, new
        {
            tenant = message.TenantId, platform = PeopleCodes.ToCode(address.Platform), realm = address.Realm,
            conversation = address.ConversationId, serviceUrl = address.ServiceUrl, kind = OutboxCodes.ToCode(message.Kind),
            messageId = message.MessageId, card = message.Card is null ? null : OutboxCardJson.Write(message.Card),
            language = message.Card is null ? null : PeopleCodes.ToCode(message.Card.Language),
            exceptionId = message.ExceptionId, dedupeKey = message.DedupeKey, now = time.GetUtcNow().UtcDateTime,
        }, transaction, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues an in-place update of every posted copy of exception <paramref name="exceptionId"/>
    /// (the message map) with <paramref name="card"/>, inside the caller's transaction; queued
    /// updates of older versions are dropped and posts not yet delivered take the new card.
    /// Returns how many copies will be updated.
    /// </summary>
    public Task<int> EnqueueExceptionUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId,
        long exceptionId, ExceptionCard card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        return EnqueueExceptionUpdateAsync(connection, transaction, tenantId, exceptionId, [card], ct);
    }

    /// <summary>
    /// As <see cref="EnqueueExceptionUpdateAsync(NpgsqlConnection, NpgsqlTransaction?, string, long, ExceptionCard, CancellationToken)"/>,
    /// with the card in each language: each copy is updated in the language it was posted in
    /// (a language missing from <paramref name="cards"/> falls back to the first card).
    /// </summary>
    public async Task<int> EnqueueExceptionUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId,
        long exceptionId, IReadOnlyList<ExceptionCard> cards, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(cards);
        if (cards.Count == 0) throw new ArgumentException("At least one card is needed to update posted copies.", nameof(cards));
        if (cards.Any(c => c.ExceptionId != exceptionId))
            throw new ArgumentException($"Every card must show exception {exceptionId}.", nameof(cards));
        ExceptionCard In(Language language) => cards.FirstOrDefault(c => c.Language == language) ?? cards[0];
        // Each change's updates are distinct messages: the same version may be shown differently
        // (a note does not bump it), and the caller's transaction already makes this exactly-once.
        var keyPrefix = $"update:{exceptionId}:v{cards[0].Version}:{Guid.NewGuid():N}:";
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(ExceptionUpdateSql, new
        {
            tenant = tenantId, exceptionId, cardEn = OutboxCardJson.Write(In(Language.En)), cardFr = OutboxCardJson.Write(In(Language.Fr)),
            keyPrefix, now = time.GetUtcNow().UtcDateTime,
        }, transaction, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues a fresh post of exception <paramref name="exceptionId"/>'s card in every conversation
    /// the message map knows, inside the caller's transaction, once per <paramref name="occasion"/>
    /// ("resurface:2026-11-24") and conversation. Returns how many posts were queued.
    /// </summary>
    public async Task<int> EnqueueExceptionRepostAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId,
        long exceptionId, IReadOnlyList<ExceptionCard> cards, string occasion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(occasion);
        ArgumentNullException.ThrowIfNull(cards);
        if (cards.Count == 0) throw new ArgumentException("At least one card is needed to re-post.", nameof(cards));
        ExceptionCard In(Language language) => cards.FirstOrDefault(c => c.Language == language) ?? cards[0];
        return await connection.ExecuteAsync(new CommandDefinition(RepostSql, new
        {
            tenant = tenantId, exceptionId, cardEn = OutboxCardJson.Write(In(Language.En)), cardFr = OutboxCardJson.Write(In(Language.Fr)),
            keyPrefix = $"repost:{exceptionId}:{occasion}:", now = time.GetUtcNow().UtcDateTime,
        }, transaction, cancellationToken: ct)).ConfigureAwait(false);
    }

    private static ChannelAddress Address(string platform, string realm, string conversation, string? serviceUrl) =>
        new(PeopleCodes.ParsePlatform(platform), realm, conversation, serviceUrl);
}
