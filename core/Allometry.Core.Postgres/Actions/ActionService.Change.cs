namespace Allometry.Core.Postgres.Actions;

using System.Globalization;
using System.Text.Json;
using Allometry.Core.Actions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.People;
using Dapper;

// The writes every applied action shares: the exception's new version with its history entry
// (before/after computed by PostgreSQL from the row), and the one audit row.
public sealed partial class ActionService
{
    private const string ChangeSql = """
        WITH old AS (
            SELECT e.* FROM exceptions e WHERE e.tenant_id = @tenant AND e.exception_id = @id AND e.version = @version
        ),
        upd AS (
            UPDATE exceptions e SET
                status            = coalesce(@status::exception_status, e.status),
                snoozed_until     = CASE WHEN @setSnooze THEN @snoozedUntil::date ELSE e.snoozed_until END,
                snooze_reason     = CASE WHEN @setSnooze THEN @snoozeReason ELSE e.snooze_reason END,
                escalated_to      = coalesce(@escalatedTo, e.escalated_to),
                escalation_note   = CASE WHEN @escalatedTo::text IS NULL THEN e.escalation_note ELSE @escalationNote END,
                rerouted_payer_id = coalesce(@reroutedPayerId, e.rerouted_payer_id),
                assigned_to       = coalesce(@assignedTo, e.assigned_to),
                dismissed_reason  = coalesce(@dismissedReason, e.dismissed_reason),
                version           = e.version + 1,
                updated_at        = @at
            FROM old o WHERE e.tenant_id = o.tenant_id AND e.exception_id = o.exception_id
            RETURNING e.*
        )
        INSERT INTO exception_history (tenant_id, exception_id, version, at, kind, actor, before, after)
        SELECT u.tenant_id, u.exception_id, u.version, @at, @kind, @actor,
               f_jsonb_changes(to_jsonb(u), to_jsonb(o)), f_jsonb_changes(to_jsonb(o), to_jsonb(u))
        FROM upd u JOIN old o ON o.exception_id = u.exception_id
        RETURNING version AS Version, before::text AS Before, after::text AS After
        """;

    private const string AuditSql = """
        INSERT INTO action_audit (tenant_id, at, user_id, user_email, platform, realm, platform_user_id, verb, exception_id,
                                  idempotency_key, outcome_kind, before, after, message_platform, conversation_id, message_id)
        VALUES (@tenant, @at, @userId, @email, @platform, @realm, @platformUserId, @verb, @id,
                @key, @kind, @before::jsonb, @after::jsonb, @messagePlatform, @conversationId, @messageId)
        """;

    private const string LastChangeSql = """
        SELECT h.kind::text AS Kind, h.at AS At, coalesce(u.name, h.actor) AS Who
        FROM exception_history h
        LEFT JOIN app_users u ON h.actor = 'user:' || u.user_id::text
        WHERE h.tenant_id = @tenant AND h.exception_id = @id
        ORDER BY h.version DESC LIMIT 1
        """;

    // Applies the change set as the next version, appends history and the audit row.
    private async Task<ActionOutcome> ChangeAsync(ActionContext context, ExceptionChangeSet change, LocalizedText message, CancellationToken ct,
        ActionOutcomeKind kind = ActionOutcomeKind.Applied, object? extra = null)
    {
        var row = await context.Scope.Connection.QuerySingleAsync<HistoryRow>(new CommandDefinition(ChangeSql, new
        {
            tenant = context.Tenant, id = context.Exception.ExceptionId, version = context.Exception.Version,
            status = change.Status, setSnooze = change.SetSnooze, snoozedUntil = change.SnoozedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            snoozeReason = change.SnoozeReason, escalatedTo = change.EscalatedTo, escalationNote = change.EscalationNote,
            reroutedPayerId = change.ReroutedPayerId, assignedTo = change.AssignedTo, dismissedReason = change.DismissedReason,
            at = context.Now.UtcDateTime, kind = change.Kind, actor = context.ActorCode,
        }, context.Scope.Transaction, cancellationToken: ct));
        var after = extra is null ? row.After : Merge(row.After, extra);
        await AuditAsync(context, kind, row.Before, after, ct);
        return Outcome(kind, message, context.Exception.ExceptionId, row.Version);
    }

    // An action that adds a row beside the exception (a note, a promise) without changing it.
    private async Task<ActionOutcome> RecordAsync(ActionContext context, object after, LocalizedText message, CancellationToken ct)
    {
        await AuditAsync(context, ActionOutcomeKind.Applied, null, JsonSerializer.Serialize(after), ct);
        return Outcome(ActionOutcomeKind.Applied, message, context.Exception.ExceptionId, context.Exception.Version);
    }

    private static Task AuditAsync(ActionContext context, ActionOutcomeKind kind, string? before, string? after, CancellationToken ct)
    {
        var request = context.Request;
        return context.Scope.Connection.ExecuteAsync(new CommandDefinition(AuditSql, new
        {
            tenant = context.Tenant, at = context.Now.UtcDateTime, userId = request.Actor.User.UserId, email = request.Actor.User.Email,
            platform = PeopleCodes.ToCode(request.Actor.Identity.Platform), realm = request.Actor.Identity.Realm,
            platformUserId = request.Actor.Identity.UserId, verb = LedgerVocabulary.ToCode(request.Verb), id = context.Exception.ExceptionId,
            key = request.IdempotencyKey, kind = kind.ToString(), before, after,
            messagePlatform = request.Message is { } m ? PeopleCodes.ToCode(m.Platform) : null,
            conversationId = request.Message?.ConversationId, messageId = request.Message?.MessageId,
        }, context.Scope.Transaction, cancellationToken: ct));
    }

    private static async Task<ActionOutcome> StaleAsync(Tenancy.TenantScope scope, ActionRequest request, LockedException exception, CancellationToken ct)
    {
        var last = await scope.Connection.QuerySingleOrDefaultAsync<LastChange>(new CommandDefinition(LastChangeSql,
            new { tenant = request.TenantId, id = exception.ExceptionId }, scope.Transaction, cancellationToken: ct));
        var zone = FindZone(request.Actor.User.TimeZone);
        var local = last is null ? (DateTimeOffset?)null : TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)), zone);
        var who = last?.Who == "system" ? null : last?.Who;
        return new ActionOutcome
        {
            Kind = ActionOutcomeKind.Stale,
            Message = ActionMessages.Stale(last?.Kind, who, local),
            ExceptionId = exception.ExceptionId,
            Version = exception.Version,
            ChangedBy = who,
            ChangedAt = local,
        };
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    private static string Merge(string after, object extra)
    {
        var merged = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(after) ?? [];
        foreach (var (key, value) in JsonSerializer.SerializeToElement(extra).EnumerateObject().Select(p => (p.Name, p.Value)))
            merged[key] = value;
        return JsonSerializer.Serialize(merged);
    }

    private sealed class HistoryRow
    {
        public int Version { get; init; }
        public string? Before { get; init; }
        public string After { get; init; } = "{}";
    }

    private sealed class LastChange
    {
        public string Kind { get; init; } = "";
        public DateTime At { get; init; }
        public string Who { get; init; } = "";
    }
}
