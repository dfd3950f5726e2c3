namespace Allometry.Core.Postgres.Actions;

using System.Globalization;
using Allometry.Core.Actions;
using Allometry.Core.Localization;
using Dapper;

// Retainage marked released from chat. The ledger's retainage_holds are the import's (each import
// replaces them), so a release lives in retainage_releases: the open hold is what the ledger
// holds unreleased minus the releases applied here. Above the tenant's threshold the release
// waits (pending) for a different finance or executive user's ApproveRelease. A full release
// dismisses the exception with the release as its reason; a partial one leaves it open. When
// the project has no release invoice yet, a follow-up exception (rule RetainageReleaseInvoice, no
// rule of the catalogue, so evaluations leave it alone) asks to invoice the release. History
// kinds stay within ExceptionChangeKind: a request or a partial release is "updated", a full one
// "dismissed"; the audit row carries the release itself.
public sealed partial class ActionService
{
    /// <summary>The rule id of the follow-up exception "invoice the released retainage".</summary>
    public const string ReleaseFollowUpRule = "RetainageReleaseInvoice";

    private const string OpenHoldSql = """
        SELECT coalesce((SELECT sum(held_amount) FROM retainage_holds WHERE tenant_id = @tenant AND project_id = @project AND released_on IS NULL), 0)
             - coalesce((SELECT sum(amount) FROM retainage_releases WHERE tenant_id = @tenant AND project_id = @project AND status = 'applied'), 0)
        """;

    private const string PendingSql = """
        SELECT release_id AS ReleaseId, amount AS Amount, released_on::text AS ReleasedOn, requested_by AS RequestedBy
        FROM retainage_releases WHERE tenant_id = @tenant AND exception_id = @id AND status = 'pending'
        FOR UPDATE
        """;

    private const string InsertReleaseSql = """
        INSERT INTO retainage_releases (tenant_id, exception_id, project_id, amount, released_on, status, requested_by, requested_at)
        VALUES (@tenant, @id, @project, @amount, @releasedOn::date, @status, @userId, @at)
        RETURNING release_id
        """;

    private const string ApproveSql = """
        UPDATE retainage_releases SET status = 'applied', approved_by = @userId, approved_at = @at
        WHERE tenant_id = @tenant AND release_id = @release
        """;

    private const string HasReleaseInvoiceSql = """
        SELECT EXISTS (SELECT 1 FROM retainage_holds WHERE tenant_id = @tenant AND project_id = @project AND release_invoice_id IS NOT NULL)
        """;

    private const string FollowUpSql = """
        WITH inserted AS (
            INSERT INTO exceptions (tenant_id, fingerprint, rule_id, rule_version, subject_kind, subject_id, payer_id, project_id, severity,
                                    amount_at_risk, title_en, title_fr, detail_en, detail_fr, action_en, action_fr, content_hash,
                                    first_seen_on, last_seen_on)
            VALUES (@tenant, @fingerprint, @rule, 1, 'project', @project, @payer, @project, 'medium', @amount,
                    @titleEn, @titleFr, @detailEn, @detailFr, @actionEn, @actionFr, @fingerprint, @today::date, @today::date)
            RETURNING *
        ),
        history AS (
            INSERT INTO exception_history (tenant_id, exception_id, version, at, kind, actor, before, after)
            SELECT n.tenant_id, n.exception_id, n.version, @at, 'opened', @actor, NULL,
                   to_jsonb(n) - ARRAY['updated_at', 'created_at', 'severity_rank', 'content_hash']
            FROM inserted n
        )
        SELECT exception_id FROM inserted
        """;

    private const string LinkFollowUpSql = "UPDATE retainage_releases SET follow_up_exception_id = @followUp WHERE tenant_id = @tenant AND release_id = @release";

    private async Task<ActionOutcome> ReleaseRetainageAsync(ActionContext context, CancellationToken ct)
    {
        var exception = context.Exception;
        var connection = context.Scope.Connection;
        if (exception.ProjectId is not { } project)
            return Outcome(ActionOutcomeKind.Invalid, ActionMessages.NoHold, exception.ExceptionId, exception.Version);
        var pending = await connection.QuerySingleOrDefaultAsync<PendingRelease>(new CommandDefinition(PendingSql,
            new { tenant = context.Tenant, id = exception.ExceptionId }, context.Scope.Transaction, cancellationToken: ct));
        if (pending is not null)
            return Outcome(ActionOutcomeKind.Invalid, ActionMessages.AlreadyPending, exception.ExceptionId, exception.Version);
        var open = await connection.ExecuteScalarAsync<decimal>(new CommandDefinition(OpenHoldSql, new { tenant = context.Tenant, project }, context.Scope.Transaction, cancellationToken: ct));
        if (open <= 0) return Outcome(ActionOutcomeKind.Invalid, ActionMessages.NoHold, exception.ExceptionId, exception.Version);
        var amount = context.Request.Arguments.Amount ?? open;
        if (amount > open) return Outcome(ActionOutcomeKind.Invalid, ActionMessages.AboveHold(amount, open), exception.ExceptionId, exception.Version);
        var date = context.Request.Arguments.Date ?? context.Today;

        var needsApproval = amount > context.Settings.SecondApprovalThreshold;
        var releaseId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertReleaseSql, new
        {
            tenant = context.Tenant, id = exception.ExceptionId, project, amount, releasedOn = Iso(date),
            status = needsApproval ? "pending" : "applied", userId = context.Request.Actor.User.UserId, at = context.Now.UtcDateTime,
        }, context.Scope.Transaction, cancellationToken: ct));
        var detail = new { release_id = releaseId, amount, released_on = Iso(date), open_hold = open };
        if (needsApproval)
        {
            return await ChangeAsync(context, new ExceptionChangeSet("updated"),
                ActionMessages.ReleasePending(amount, context.Settings.SecondApprovalThreshold), ct, ActionOutcomeKind.PendingApproval, detail);
        }
        return await ApplyReleaseAsync(context, releaseId, amount, date, open, detail, ct);
    }

    private async Task<ActionOutcome> ApproveReleaseAsync(ActionContext context, CancellationToken ct)
    {
        var exception = context.Exception;
        var connection = context.Scope.Connection;
        var pending = await connection.QuerySingleOrDefaultAsync<PendingRelease>(new CommandDefinition(PendingSql,
            new { tenant = context.Tenant, id = exception.ExceptionId }, context.Scope.Transaction, cancellationToken: ct));
        if (pending is null) return Outcome(ActionOutcomeKind.Invalid, ActionMessages.NothingToApprove, exception.ExceptionId, exception.Version);
        if (pending.RequestedBy == context.Request.Actor.User.UserId)
            return Outcome(ActionOutcomeKind.Denied, ActionMessages.OwnRelease, exception.ExceptionId, exception.Version);
        var open = await connection.ExecuteScalarAsync<decimal>(new CommandDefinition(OpenHoldSql, new { tenant = context.Tenant, project = exception.ProjectId }, context.Scope.Transaction, cancellationToken: ct));
        if (pending.Amount > open) return Outcome(ActionOutcomeKind.Invalid, ActionMessages.AboveHold(pending.Amount, open), exception.ExceptionId, exception.Version);
        await connection.ExecuteAsync(new CommandDefinition(ApproveSql,
            new { tenant = context.Tenant, release = pending.ReleaseId, userId = context.Request.Actor.User.UserId, at = context.Now.UtcDateTime },
            context.Scope.Transaction, cancellationToken: ct));
        var date = DateOnly.ParseExact(pending.ReleasedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var detail = new { release_id = pending.ReleaseId, amount = pending.Amount, released_on = pending.ReleasedOn, open_hold = open, requested_by = pending.RequestedBy };
        return await ApplyReleaseAsync(context, pending.ReleaseId, pending.Amount, date, open, detail, ct);
    }

    private async Task<ActionOutcome> ApplyReleaseAsync(ActionContext context, long releaseId, decimal amount, DateOnly date, decimal open, object detail, CancellationToken ct)
    {
        var exception = context.Exception;
        var connection = context.Scope.Connection;
        var project = exception.ProjectId!;
        var invoiced = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(HasReleaseInvoiceSql, new { tenant = context.Tenant, project }, context.Scope.Transaction, cancellationToken: ct));
        long? followUp = null;
        if (!invoiced)
        {
            var text = ActionMessages.FollowUp(project, amount, date);
            followUp = await connection.ExecuteScalarAsync<long>(new CommandDefinition(FollowUpSql, new
            {
                tenant = context.Tenant, fingerprint = $"{ReleaseFollowUpRule}|{project}|{releaseId}", rule = ReleaseFollowUpRule, project,
                payer = exception.CurrentPayerId, amount, titleEn = text.Title.En, titleFr = text.Title.Fr, detailEn = text.Detail.En, detailFr = text.Detail.Fr,
                actionEn = text.Action.En, actionFr = text.Action.Fr, today = Iso(context.Today), at = context.Now.UtcDateTime, actor = context.ActorCode,
            }, context.Scope.Transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(LinkFollowUpSql, new { tenant = context.Tenant, followUp, release = releaseId }, context.Scope.Transaction, cancellationToken: ct));
        }
        var full = amount == open;
        var change = full
            ? new ExceptionChangeSet("dismissed") { Status = "dismissed", DismissedReason = ActionMessages.ReleasedReason(amount, date).En }
            : new ExceptionChangeSet("updated");
        return await ChangeAsync(context, change, ActionMessages.Released(amount, date, full, followUp is not null), ct,
            extra: new { release = detail, follow_up_exception_id = followUp });
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class PendingRelease
    {
        public long ReleaseId { get; init; }
        public decimal Amount { get; init; }
        public string ReleasedOn { get; init; } = "";
        public long RequestedBy { get; init; }
    }
}
