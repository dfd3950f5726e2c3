namespace Allometry.Core.Postgres.Actions;

using Allometry.Core.Actions;
using Allometry.Core.People;
using Allometry.Core.Postgres.People;
using Dapper;

// Snooze, escalate, re-route, note and promise.
public sealed partial class ActionService
{
    /// <summary>A snooze on a condition alone still ends after this many days, so nothing sleeps forever.</summary>
    public const int ConditionSnoozeSafetyDays = 14;

    private const string ContactSql = """
        SELECT coalesce(
            (SELECT email FROM escalation_contacts WHERE tenant_id = @tenant AND role = @role),
            (SELECT u.email FROM tenant_memberships m JOIN app_users u ON u.user_id = m.user_id
             WHERE m.tenant_id = @tenant AND m.role = @role ORDER BY u.email LIMIT 1))
        """;

    private const string PmIdentitySql = """
        SELECT i.realm AS Realm, i.platform_user_id AS UserId
        FROM platform_identities i JOIN app_users u ON u.user_id = i.user_id
        JOIN tenant_memberships m ON m.user_id = u.user_id AND m.tenant_id = @tenant
        WHERE u.email = @pm AND i.platform = @platform
        LIMIT 1
        """;

    private const string MappedManagerSql = "SELECT manager_email FROM pm_managers WHERE tenant_id = @tenant AND pm_email = @pm";

    // Every payer linked to the exception's payer, in either direction, however far (the entity graph).
    private const string LinkedPayerSql = """
        WITH RECURSIVE graph(payer_id) AS (
            SELECT @payer::text COLLATE "C"
            UNION
            SELECT CASE WHEN l.from_payer_id = g.payer_id THEN l.to_payer_id ELSE l.from_payer_id END
            FROM entity_links l JOIN graph g ON g.payer_id IN (l.from_payer_id, l.to_payer_id)
            WHERE l.tenant_id = @tenant
        )
        SELECT EXISTS (SELECT 1 FROM graph WHERE payer_id = @target AND payer_id <> @payer)
        """;

    private const string NoteSql = """
        INSERT INTO exception_notes (tenant_id, exception_id, user_id, body, at) VALUES (@tenant, @id, @userId, @body, @at)
        RETURNING note_id
        """;

    private const string PromiseSql = """
        INSERT INTO chat_promises (tenant_id, exception_id, payer_id, invoice_id, promised_on, promised_amount, recorded_on, user_id)
        VALUES (@tenant, @id, @payer, @invoice, @promisedOn::date, @amount, @recordedOn::date, @userId)
        RETURNING promise_id
        """;

    private async Task<ActionOutcome> SnoozeAsync(ActionContext context, CancellationToken ct)
    {
        var args = context.Request.Arguments;
        var until = ActionArgumentParser.SnoozeEnd(args, context.Today) ?? context.Today.AddDays(ConditionSnoozeSafetyDays);
        var change = new ExceptionChangeSet("snoozed") { Status = "snoozed", SetSnooze = true, SnoozedUntil = until, SnoozeReason = args.Reason };
        return await ChangeAsync(context, change, ActionMessages.Snoozed(until, args.Condition), ct,
            extra: args.Condition == SnoozeCondition.None ? null : new { snooze_condition = Allometry.Core.Ledger.LedgerVocabulary.ToCode(args.Condition) });
    }

    private async Task<ActionOutcome> EscalateAsync(ActionContext context, CancellationToken ct)
    {
        var args = context.Request.Arguments;
        var target = args.ToManager ? await ManagerOfPmAsync(context, ct) : await NextInChainAsync(context, ct);
        if (target is null)
        {
            var reason = args.ToManager ? ActionMessages.NoManager : ActionMessages.TopOfChain;
            return Outcome(ActionOutcomeKind.Invalid, reason, context.Exception.ExceptionId, context.Exception.Version);
        }
        var change = new ExceptionChangeSet("escalated") { EscalatedTo = target, EscalationNote = args.Note ?? args.Reason ?? "" };
        return await ChangeAsync(context, change, ActionMessages.Escalated(target), ct);
    }

    // Unescalated → finance → executive: one step up from where the exception stands.
    private async Task<string?> NextInChainAsync(ActionContext context, CancellationToken ct)
    {
        var finance = await ContactAsync(context, Role.Finance, ct);
        var executive = await ContactAsync(context, Role.Executive, ct);
        var current = context.Exception.EscalatedTo;
        if (current is null) return finance ?? executive;
        if (current == executive) return null;
        return current == finance ? executive : finance ?? executive;
    }

    private Task<string?> ContactAsync(ActionContext context, Role role, CancellationToken ct) =>
        context.Scope.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(ContactSql,
            new { tenant = context.Tenant, role = PeopleCodes.ToCode(role) }, context.Scope.Transaction, cancellationToken: ct));

    // The directory first (through the PM's identity on the actor's platform), then the tenant's map.
    private async Task<string?> ManagerOfPmAsync(ActionContext context, CancellationToken ct)
    {
        if (context.Exception.PmEmail is not { Length: > 0 } pmEmail) return null;
        var pm = UserStore.Normalize(pmEmail);
        var platform = context.Request.Actor.Identity.Platform;
        if (_directories.FirstOrDefault(d => d.Platform == platform) is { } directory)
        {
            var identity = await context.Scope.Connection.QuerySingleOrDefaultAsync<IdentityRow>(new CommandDefinition(PmIdentitySql,
                new { tenant = context.Tenant, pm, platform = PeopleCodes.ToCode(platform) }, context.Scope.Transaction, cancellationToken: ct));
            if (identity is not null && await directory.FindManagerEmailAsync(new PlatformIdentity(platform, identity.Realm, identity.UserId), ct) is { Length: > 0 } found)
                return UserStore.Normalize(found);
        }
        return await context.Scope.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(MappedManagerSql,
            new { tenant = context.Tenant, pm }, context.Scope.Transaction, cancellationToken: ct));
    }

    private async Task<ActionOutcome> RerouteAsync(ActionContext context, CancellationToken ct)
    {
        var target = context.Request.Arguments.PayerId!;
        var linked = context.Exception.PayerId is { } payer && await context.Scope.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(LinkedPayerSql,
            new { tenant = context.Tenant, payer, target }, context.Scope.Transaction, cancellationToken: ct));
        if (!linked) return Outcome(ActionOutcomeKind.Invalid, ActionMessages.NotLinked(target), context.Exception.ExceptionId, context.Exception.Version);
        return await ChangeAsync(context, new ExceptionChangeSet("rerouted") { ReroutedPayerId = target }, ActionMessages.Rerouted(target), ct);
    }

    private async Task<ActionOutcome> AddNoteAsync(ActionContext context, CancellationToken ct)
    {
        var body = context.Request.Arguments.Note!;
        var noteId = await context.Scope.Connection.ExecuteScalarAsync<long>(new CommandDefinition(NoteSql,
            new { tenant = context.Tenant, id = context.Exception.ExceptionId, userId = context.Request.Actor.User.UserId, body, at = context.Now.UtcDateTime },
            context.Scope.Transaction, cancellationToken: ct));
        return await RecordAsync(context, new { note_id = noteId, note = body }, ActionMessages.NoteAdded, ct);
    }

    private async Task<ActionOutcome> RecordPromiseAsync(ActionContext context, CancellationToken ct)
    {
        var args = context.Request.Arguments;
        if (context.Exception.CurrentPayerId is not { } payer)
            return Outcome(ActionOutcomeKind.Invalid, ActionMessages.NoPayer, context.Exception.ExceptionId, context.Exception.Version);
        var invoice = context.Exception.SubjectKind == "invoice" ? context.Exception.SubjectId : null;
        var promiseId = await context.Scope.Connection.ExecuteScalarAsync<long>(new CommandDefinition(PromiseSql, new
        {
            tenant = context.Tenant, id = context.Exception.ExceptionId, payer, invoice,
            promisedOn = args.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), amount = args.Amount!.Value,
            recordedOn = context.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), userId = context.Request.Actor.User.UserId,
        }, context.Scope.Transaction, cancellationToken: ct));
        return await RecordAsync(context, new { promise_id = promiseId, payer_id = payer, invoice_id = invoice, promised_on = args.Date, promised_amount = args.Amount },
            ActionMessages.PromiseRecorded(args.Amount.Value, args.Date.Value), ct);
    }

    private sealed class IdentityRow
    {
        public string Realm { get; init; } = "";
        public string UserId { get; init; } = "";
    }
}
