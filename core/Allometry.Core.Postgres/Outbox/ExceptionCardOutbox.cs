namespace Allometry.Core.Postgres.Outbox;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Rules;
using Dapper;
using Npgsql;

/// <summary>
/// Keeps every posted copy of an exception's card current: after a state change, inside the same
/// transaction, it composes the exception's card as a channel shows it and queues an in-place
/// update of each copy the message map knows (in the language the copy was posted in); and it
/// re-posts a fresh card where the exception was posted (a snooze that ended).
/// </summary>
/// <remarks>
/// A channel copy is read by everyone in the conversation, so it is composed for a neutral
/// channel viewer (<see cref="CardViewer.Channel"/>: every action some role may take), not the person who clicked. Each click is
/// authorized for whoever clicks (<see cref="PermissionMatrix"/>), so showing an action someone may
/// not take only earns them a polite refusal. The payer's score, tier and re-route choices are
/// carried over from the copy's last card: they move with ledger imports, not with clicks, and
/// rebuilding the tenant's risk queue here would hold the exception's row lock for seconds.
/// </remarks>
public sealed class ExceptionCardOutbox(OutboxStore store, NpgsqlDataSource dataSource)
{
    private const string CopiesSql = """
        SELECT l.language AS Language,
               (SELECT o.card::text FROM outbox o
                WHERE o.tenant_id = @tenant AND o.exception_id = @id AND o.language = l.language AND o.card ->> 'card' = 'exception'
                ORDER BY o.outbox_id DESC LIMIT 1) AS LastCard
        FROM (
            SELECT language::text FROM message_map WHERE tenant_id = @tenant AND exception_id = @id
            UNION
            SELECT language::text FROM outbox
            WHERE tenant_id = @tenant AND exception_id = @id AND kind = 'post' AND status IN ('pending', 'sending') AND language IS NOT NULL
        ) l
        """;

    /// <summary>
    /// Queues an in-place update of every posted copy of <paramref name="exceptionId"/> (and gives
    /// posts not yet delivered the new card), inside the caller's transaction. Returns how many
    /// copies will be updated; nothing is composed when the exception was never posted.
    /// </summary>
    public async Task<int> UpdatePostedCopiesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, long exceptionId,
        PermissionSettings? settings, CancellationToken ct)
    {
        var cards = await ComposeForCopiesAsync(connection, transaction, tenantId, exceptionId, settings, ct).ConfigureAwait(false);
        return cards.Count == 0 ? 0 : await store.EnqueueExceptionUpdateAsync(connection, transaction, tenantId, exceptionId, cards, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Posts a fresh card of <paramref name="exceptionId"/> in every conversation it was posted to
    /// (a snooze that ended on <paramref name="localDate"/>), in its own tenant-scoped transaction;
    /// once per conversation and day. Returns how many posts were queued.
    /// </summary>
    public async Task<int> ResurfaceAsync(string tenantId, long exceptionId, DateOnly localDate, PermissionSettings? settings, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var cards = await ComposeForCopiesAsync(scope.Connection, scope.Transaction, tenantId, exceptionId, settings, ct).ConfigureAwait(false);
        if (cards.Count == 0) return 0;
        var queued = await store.EnqueueExceptionRepostAsync(scope.Connection, scope.Transaction, tenantId, exceptionId, cards,
            $"resurface:{localDate:yyyy-MM-dd}", ct).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
        return queued;
    }

    // One card per language the copies were posted in; none when there is no copy.
    private static async Task<IReadOnlyList<ExceptionCard>> ComposeForCopiesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string tenantId, long exceptionId, PermissionSettings? settings, CancellationToken ct)
    {
        var copies = (await connection.QueryAsync<CopyRow>(new CommandDefinition(CopiesSql, new { tenant = tenantId, id = exceptionId },
            transaction, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        if (copies.Count == 0) return [];
        var rows = await ExceptionCardService.ReadAsync(connection, transaction, tenantId, ExceptionCardService.OneSql, exceptionId, ct).ConfigureAwait(false);
        if (rows.Count == 0) return [];
        var input = rows[0].Input;
        return [.. copies.Select(copy =>
        {
            var language = PeopleCodes.ParseLanguage(copy.Language);
            var last = copy.LastCard is null ? null : OutboxCardJson.Read(copy.LastCard) as ExceptionCard;
            var card = ExceptionCardBuilder.Build(input, null, CardViewer.Channel(language, settings), RerouteChoices(last));
            return last is null ? card : card with { Score = last.Score, Tier = last.Tier, ScoreFactors = last.ScoreFactors };
        })];
    }

    private static IReadOnlyList<CardChoice> RerouteChoices(ExceptionCard? last) =>
        last?.Actions.Where(a => a.Verb == ActionVerb.Reroute).SelectMany(a => a.Inputs).SelectMany(i => i.Choices).ToList() ?? [];

    private sealed class CopyRow
    {
        public string Language { get; init; } = "en";
        public string? LastCard { get; init; }
    }
}
