namespace Allometry.Core.Postgres.Outbox;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
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
/// channel viewer: <see cref="ChannelViewerRole"/>, not the person who clicked. Each click is
/// authorized for whoever clicks (<see cref="PermissionMatrix"/>), so showing an action someone may
/// not take only earns them a polite refusal. The payer's score, tier and re-route choices are
/// carried over from the copy's last card: they move with ledger imports, not with clicks, and
/// rebuilding the tenant's risk queue here would hold the exception's row lock for seconds.
/// </remarks>
public sealed class ExceptionCardOutbox(OutboxStore store, NpgsqlDataSource dataSource)
{
    /// <summary>The role a channel copy's actions are chosen for: every action the exception supports.</summary>
    public const Role ChannelViewerRole = Role.Finance;

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

    private const string ExceptionSql = """
        SELECT e.exception_id, e.version, e.rule_id, e.severity::text, e.amount_at_risk, e.currency::text,
               e.title_en, e.title_fr, e.detail_en, e.detail_fr, e.action_en, e.action_fr, e.evidence::text, e.status::text,
               e.payer_id, p.name, e.project_id, e.snoozed_until, e.snooze_reason, e.escalated_to,
               e.escalation_note, e.rerouted_payer_id, e.assigned_to, e.first_seen_on, e.dismissed_reason
        FROM exceptions e
        LEFT JOIN payers p ON p.tenant_id = e.tenant_id AND p.payer_id = e.payer_id
        WHERE e.tenant_id = @tenant AND e.exception_id = @id
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
        var input = await ReadAsync(connection, transaction, tenantId, exceptionId, ct).ConfigureAwait(false);
        if (input is null) return [];
        return [.. copies.Select(copy =>
        {
            var language = PeopleCodes.ParseLanguage(copy.Language);
            var last = copy.LastCard is null ? null : OutboxCardJson.Read(copy.LastCard) as ExceptionCard;
            var card = ExceptionCardBuilder.Build(input, null, new CardViewer(ChannelViewerRole, language, false, settings), RerouteChoices(last));
            return last is null ? card : card with { Score = last.Score, Tier = last.Tier, ScoreFactors = last.ScoreFactors };
        })];
    }

    private static IReadOnlyList<CardChoice> RerouteChoices(ExceptionCard? last) =>
        last?.Actions.Where(a => a.Verb == ActionVerb.Reroute).SelectMany(a => a.Inputs).SelectMany(i => i.Choices).ToList() ?? [];

    private static async Task<ExceptionCardInput?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId,
        long exceptionId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ExceptionSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<long>("id", exceptionId));
        await using var r = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await r.ReadAsync(ct).ConfigureAwait(false)) return null;
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new ExceptionCardInput
        {
            ExceptionId = r.GetInt64(0),
            Version = r.GetInt32(1),
            RuleId = r.GetString(2),
            Severity = LedgerVocabulary.Parse<Severity>(r.GetString(3)),
            AmountAtRisk = r.GetDecimal(4),
            Currency = r.GetString(5),
            Title = new LocalizedText(r.GetString(6), r.GetString(7)),
            Detail = new LocalizedText(r.GetString(8), r.GetString(9)),
            SuggestedAction = new LocalizedText(r.GetString(10), r.GetString(11)),
            Evidence = EvidenceJson.Read(r.GetString(12)),
            Status = LedgerVocabulary.Parse<ExceptionStatus>(r.GetString(13)),
            PayerId = Text(14),
            PayerName = Text(15),
            ProjectId = Text(16),
            SnoozedUntil = r.IsDBNull(17) ? null : r.GetFieldValue<DateOnly>(17),
            SnoozeReason = Text(18),
            EscalatedTo = Text(19),
            EscalationNote = Text(20),
            ReroutedPayerId = Text(21),
            AssignedTo = Text(22),
            FirstSeenOn = r.GetFieldValue<DateOnly>(23),
            DismissedReason = Text(24),
        };
    }

    private sealed class CopyRow
    {
        public string Language { get; init; } = "en";
        public string? LastCard { get; init; }
    }
}
