namespace Allometry.Core.Postgres.Actions;

using Allometry.Core.Actions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Tenancy;
using Dapper;
using Npgsql;

/// <summary>
/// Executes every action on an exception, the same for every channel, in one tenant-scoped
/// transaction: claim the delivery's idempotency key (a duplicate waits for the first and gets
/// <see cref="ActionOutcomeKind.AlreadyApplied"/>), lock the exception (another tenant's id is
/// <see cref="ActionOutcomeKind.NotFound"/> by row-level security), authorize through
/// <see cref="PermissionMatrix"/> with the role stored for the tenant (a PM's own project is one
/// whose <c>pm_email</c> is theirs), compare the card's version (<see cref="ActionOutcomeKind.Stale"/>
/// names who changed it and when), validate, apply, append history and one audit row. Anything
/// but an applied or pending outcome rolls back, so it leaves no trace and a retry is evaluated anew.
/// </summary>
public sealed partial class ActionService(
    NpgsqlDataSource dataSource, TimeProvider time, IEnumerable<IDirectory>? directories = null,
    IPermissionSettingsSource? permissions = null, Outbox.ExceptionCardOutbox? postedCopies = null)
{
    private const string ClaimSql = """
        INSERT INTO action_deliveries (tenant_id, idempotency_key, verb, exception_id, outcome_kind, message_en, message_fr)
        VALUES (@tenant, @key, @verb, @id, 'claimed', '', '')
        ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
        RETURNING 1
        """;

    private const string DeliverySql = """
        SELECT outcome_kind AS Kind, message_en AS En, message_fr AS Fr, version AS Version, exception_id AS ExceptionId
        FROM action_deliveries WHERE tenant_id = @tenant AND idempotency_key = @key
        """;

    private const string SettleSql = """
        UPDATE action_deliveries SET outcome_kind = @kind, message_en = @en, message_fr = @fr, version = @version
        WHERE tenant_id = @tenant AND idempotency_key = @key
        """;

    private const string RoleSql = "SELECT role::text FROM tenant_memberships WHERE tenant_id = @tenant AND user_id = @userId";

    private const string LockSql = """
        SELECT e.exception_id AS ExceptionId, e.version AS Version, e.status::text AS Status, e.subject_kind::text AS SubjectKind,
               e.subject_id AS SubjectId, e.payer_id AS PayerId, e.project_id AS ProjectId, e.rerouted_payer_id AS ReroutedPayerId,
               e.escalated_to AS EscalatedTo, p.pm_email AS PmEmail, e.title_en AS TitleEn, e.title_fr AS TitleFr
        FROM exceptions e LEFT JOIN projects p ON p.tenant_id = e.tenant_id AND p.project_id = e.project_id
        WHERE e.tenant_id = @tenant AND e.exception_id = @id
        FOR UPDATE OF e
        """;

    private readonly IReadOnlyList<IDirectory> _directories = [.. directories ?? []];

    /// <summary>Executes <paramref name="request"/>; never throws for a refused action, only for infrastructure failures.</summary>
    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.IdempotencyKey);
        // Read before the scope opens: a cache miss then never holds two pooled connections at once.
        var settings = permissions is null ? PermissionSettings.Default : await permissions.GetAsync(request.TenantId, ct);
        await using var scope = await TenantScope.BeginAsync(dataSource, request.TenantId, ct);
        var connection = scope.Connection;
        var tenant = request.TenantId;
        var claimed = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(ClaimSql,
            new { tenant, key = request.IdempotencyKey, verb = LedgerVocabulary.ToCode(request.Verb), id = request.ExceptionId }, scope.Transaction, cancellationToken: ct));
        if (claimed is null) return await AlreadyAppliedAsync(scope, request, ct);

        if (request.ExceptionId is not { } exceptionId) return Outcome(ActionOutcomeKind.NotFound, ActionMessages.NotFound, null);
        var exception = await connection.QuerySingleOrDefaultAsync<LockedException>(new CommandDefinition(LockSql, new { tenant, id = exceptionId }, scope.Transaction, cancellationToken: ct));
        if (exception is null) return Outcome(ActionOutcomeKind.NotFound, ActionMessages.NotFound, exceptionId);

        var roleCode = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(RoleSql, new { tenant, userId = request.Actor.User.UserId }, scope.Transaction, cancellationToken: ct));
        if (roleCode is null) return Outcome(ActionOutcomeKind.Denied, ActionMessages.NotAMember, exceptionId, exception.Version);
        var role = PeopleCodes.ParseRole(roleCode);
        var ownProject = exception.PmEmail is { } pm && string.Equals(pm.Trim(), request.Actor.User.Email, StringComparison.OrdinalIgnoreCase);
        if (!PermissionMatrix.Allows(role, request.Verb, ownProject, settings))
            return Outcome(ActionOutcomeKind.Denied, ActionMessages.Denied(role, request.Verb), exceptionId, exception.Version);

        if (request.ExpectedVersion is { } expected && expected != exception.Version)
            return await StaleAsync(scope, request, exception, ct);

        if (exception.Status == "closed")
            return Outcome(ActionOutcomeKind.Invalid, ActionMessages.Closed, exceptionId, exception.Version);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var validated = ActionArgumentParser.Validate(request.Verb, request.Arguments, today);
        if (!validated.IsValid) return Outcome(ActionOutcomeKind.Invalid, validated.Error!, exceptionId, exception.Version);

        var context = new ActionContext(scope, request, exception, role, settings, time.GetUtcNow(), today);
        var outcome = await ApplyAsync(context, ct);
        if (!outcome.Succeeded) return outcome;

        await connection.ExecuteAsync(new CommandDefinition(SettleSql,
            new { tenant, key = request.IdempotencyKey, kind = outcome.Kind.ToString(), en = outcome.Message.En, fr = outcome.Message.Fr, version = outcome.Version },
            scope.Transaction, cancellationToken: ct));
        // Every posted copy of the card is updated in place; queued in this transaction, so the
        // change and its card updates commit together or not at all.
        if (postedCopies is not null && outcome.ExceptionId is { } changed)
            await postedCopies.UpdatePostedCopiesAsync(connection, scope.Transaction, tenant, changed, settings, ct);
        await scope.CommitAsync(ct);
        return outcome;
    }

    private async Task<ActionOutcome> ApplyAsync(ActionContext context, CancellationToken ct) => context.Request.Verb switch
    {
        ActionVerb.Snooze => await SnoozeAsync(context, ct),
        ActionVerb.Escalate => await EscalateAsync(context, ct),
        ActionVerb.Reroute => await RerouteAsync(context, ct),
        ActionVerb.AssignToMe => await ChangeAsync(context, new ExceptionChangeSet("assigned") { AssignedTo = context.Request.Actor.User.Email },
            ActionMessages.Assigned(context.Request.Actor.User.Name), ct),
        ActionVerb.AddNote => await AddNoteAsync(context, ct),
        ActionVerb.RecordPromise => await RecordPromiseAsync(context, ct),
        ActionVerb.Dismiss => await ChangeAsync(context, new ExceptionChangeSet("dismissed") { Status = "dismissed", DismissedReason = context.Request.Arguments.Reason },
            ActionMessages.Dismissed(context.Request.Arguments.Reason!), ct),
        ActionVerb.ReleaseRetainage => await ReleaseRetainageAsync(context, ct),
        ActionVerb.ApproveRelease => await ApproveReleaseAsync(context, ct),
        _ => Outcome(ActionOutcomeKind.Invalid, ActionMessages.NotAnExceptionAction, context.Exception.ExceptionId, context.Exception.Version),
    };

    private static async Task<ActionOutcome> AlreadyAppliedAsync(TenantScope scope, ActionRequest request, CancellationToken ct)
    {
        var stored = await scope.Connection.QuerySingleAsync<DeliveryRow>(new CommandDefinition(DeliverySql,
            new { tenant = request.TenantId, key = request.IdempotencyKey }, scope.Transaction, cancellationToken: ct));
        return new ActionOutcome
        {
            Kind = ActionOutcomeKind.AlreadyApplied,
            Message = ActionMessages.AlreadyApplied(new LocalizedText(stored.En, stored.Fr)),
            ExceptionId = stored.ExceptionId,
            Version = stored.Version,
        };
    }

    internal static ActionOutcome Outcome(ActionOutcomeKind kind, LocalizedText message, long? exceptionId, int? version = null) =>
        new() { Kind = kind, Message = message, ExceptionId = exceptionId, Version = version };

    private sealed class DeliveryRow
    {
        public string Kind { get; init; } = "";
        public string En { get; init; } = "";
        public string Fr { get; init; } = "";
        public int? Version { get; init; }
        public long? ExceptionId { get; init; }
    }
}
