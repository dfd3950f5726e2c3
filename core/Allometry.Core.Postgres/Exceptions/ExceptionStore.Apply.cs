namespace Allometry.Core.Postgres.Exceptions;

using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Npgsql;
using NpgsqlTypes;

// The evaluation's writes: a plan becomes at most three set-based statements (insert the opened,
// update the changed, touch the seen) whatever its size; each change appends its history entry
// in the same statement, with before/after computed by PostgreSQL from the row itself (an opened
// exception's entry holds the whole row, as f_jsonb_changes would, without comparing each key).
public sealed partial class ExceptionStore
{
    private const string InsertSql = """
        WITH input AS (
            SELECT * FROM unnest(@fingerprint, @rule_id, @rule_version, @subject_kind, @subject_id, @payer_id, @project_id,
                                 @severity, @amount, @currency, @title_en, @title_fr, @detail_en, @detail_fr,
                                 @action_en, @action_fr, @evidence, @content_hash)
                AS i(fingerprint, rule_id, rule_version, subject_kind, subject_id, payer_id, project_id, severity, amount,
                     currency, title_en, title_fr, detail_en, detail_fr, action_en, action_fr, evidence, content_hash)
        ),
        inserted AS (
            INSERT INTO exceptions (tenant_id, fingerprint, rule_id, rule_version, subject_kind, subject_id, payer_id,
                                    project_id, severity, amount_at_risk, currency, title_en, title_fr, detail_en, detail_fr,
                                    action_en, action_fr, evidence, content_hash, first_seen_on, last_seen_on)
            SELECT @tenant, i.fingerprint, i.rule_id, i.rule_version, i.subject_kind, i.subject_id, i.payer_id, i.project_id,
                   i.severity, i.amount, i.currency, i.title_en, i.title_fr, i.detail_en, i.detail_fr, i.action_en, i.action_fr,
                   i.evidence, i.content_hash, @as_of, @as_of
            FROM input i
            RETURNING *
        )
        INSERT INTO exception_history (tenant_id, exception_id, version, kind, actor, before, after)
        SELECT n.tenant_id, n.exception_id, n.version, 'opened', 'system', NULL,
               to_jsonb(n) - ARRAY['updated_at', 'created_at', 'severity_rank', 'content_hash']
        FROM inserted n
        """;

    // Content columns take the finding's values only when the change carries one (a closure
    // does not); a row whose version moved since it was read is not updated, and the caller
    // sees fewer rows than it sent.
    private const string UpdateSql = """
        WITH input AS (
            SELECT * FROM unnest(@exception_id, @expected_version, @kind, @status, @has_content, @rule_version, @payer_id,
                                 @project_id, @severity, @amount, @currency, @title_en, @title_fr, @detail_en, @detail_fr,
                                 @action_en, @action_fr, @evidence, @content_hash, @close_en, @close_fr, @clears_snooze,
                                 @clears_dismissal, @snooze_end_en, @snooze_end_fr)
                AS i(exception_id, expected_version, kind, status, has_content, rule_version, payer_id, project_id, severity,
                     amount, currency, title_en, title_fr, detail_en, detail_fr, action_en, action_fr, evidence,
                     content_hash, close_en, close_fr, clears_snooze, clears_dismissal, snooze_end_en, snooze_end_fr)
        ),
        old AS (
            SELECT e.* FROM exceptions e JOIN input i ON e.exception_id = i.exception_id
            WHERE e.tenant_id = @tenant AND e.version = i.expected_version
        ),
        updated AS (
            UPDATE exceptions e SET
                rule_version     = CASE WHEN i.has_content THEN i.rule_version ELSE e.rule_version END,
                payer_id         = CASE WHEN i.has_content THEN i.payer_id ELSE e.payer_id END,
                project_id       = CASE WHEN i.has_content THEN i.project_id ELSE e.project_id END,
                severity         = CASE WHEN i.has_content THEN i.severity ELSE e.severity END,
                amount_at_risk   = CASE WHEN i.has_content THEN i.amount ELSE e.amount_at_risk END,
                currency         = CASE WHEN i.has_content THEN i.currency ELSE e.currency END,
                title_en         = CASE WHEN i.has_content THEN i.title_en ELSE e.title_en END,
                title_fr         = CASE WHEN i.has_content THEN i.title_fr ELSE e.title_fr END,
                detail_en        = CASE WHEN i.has_content THEN i.detail_en ELSE e.detail_en END,
                detail_fr        = CASE WHEN i.has_content THEN i.detail_fr ELSE e.detail_fr END,
                action_en        = CASE WHEN i.has_content THEN i.action_en ELSE e.action_en END,
                action_fr        = CASE WHEN i.has_content THEN i.action_fr ELSE e.action_fr END,
                evidence         = CASE WHEN i.has_content THEN i.evidence ELSE e.evidence END,
                content_hash     = CASE WHEN i.has_content THEN i.content_hash ELSE e.content_hash END,
                last_seen_on     = CASE WHEN i.has_content THEN @as_of ELSE e.last_seen_on END,
                status           = i.status,
                closed_on        = CASE WHEN i.status = 'closed' THEN @as_of END,
                close_reason_en  = CASE WHEN i.status = 'closed' THEN i.close_en END,
                close_reason_fr  = CASE WHEN i.status = 'closed' THEN i.close_fr END,
                snoozed_until    = CASE WHEN i.clears_snooze THEN NULL ELSE e.snoozed_until END,
                snooze_reason    = CASE WHEN i.clears_snooze THEN NULL ELSE e.snooze_reason END,
                dismissed_reason = CASE WHEN i.clears_dismissal THEN NULL ELSE e.dismissed_reason END,
                reopened_count   = e.reopened_count + CASE WHEN i.kind = 'reopened' THEN 1 ELSE 0 END,
                version          = e.version + 1,
                updated_at       = now()
            FROM input i
            WHERE e.tenant_id = @tenant AND e.exception_id = i.exception_id AND e.version = i.expected_version
            RETURNING e.*, i.kind AS change_kind, i.snooze_end_en, i.snooze_end_fr
        )
        INSERT INTO exception_history (tenant_id, exception_id, version, kind, actor, before, after)
        SELECT u.tenant_id, u.exception_id, u.version, u.change_kind, 'system',
               f_jsonb_changes(to_jsonb(u) - ARRAY['change_kind', 'snooze_end_en', 'snooze_end_fr'], to_jsonb(o)),
               f_jsonb_changes(to_jsonb(o), to_jsonb(u) - ARRAY['change_kind', 'snooze_end_en', 'snooze_end_fr'])
                   || CASE WHEN u.snooze_end_en IS NULL THEN '{}'::jsonb
                           ELSE jsonb_build_object('snooze_end_reason_en', u.snooze_end_en, 'snooze_end_reason_fr', u.snooze_end_fr) END
        FROM updated u JOIN old o ON o.exception_id = u.exception_id
        """;

    private const string SeenSql = """
        UPDATE exceptions SET last_seen_on = @as_of
        WHERE tenant_id = @tenant AND exception_id = ANY(@ids) AND last_seen_on < @as_of
        """;

    /// <summary>
    /// Applies the plan inside the caller's transaction. False when an exception changed since
    /// its state was read (a person acted meanwhile): the caller rolls back and plans again.
    /// </summary>
    /// <remarks>
    /// The statements go in one prepared batch, one round trip whatever the plan holds. The
    /// update's row count is still checked before the caller commits.
    /// </remarks>
    internal static async Task<bool> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, ExceptionPlan plan, DateOnly asOf, CancellationToken ct)
    {
        var opened = plan.Changes.Where(c => c.Before is null).ToList();
        var changed = plan.Changes.Where(c => c.Before is not null).ToList();
        // A million-row first evaluation takes longer than the default 30 s; the caller's token is the limit.
        await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = 0 };
        NpgsqlBatchCommand? update = null;
        if (opened.Count > 0)
        {
            var insert = Command(InsertSql, tenantId, asOf);
            var findings = opened.Select(c => c.Finding!).ToList();
            AddContent(insert, findings, opened.Select(c => c.ContentHash).ToArray());
            insert.Parameters.Add(Array("fingerprint", findings.Select(f => f.Fingerprint)));
            insert.Parameters.Add(Array("rule_id", findings.Select(f => f.RuleId)));
            insert.Parameters.Add(Array("subject_kind", findings.Select(f => LedgerVocabulary.ToCode(f.Subject.Kind))));
            insert.Parameters.Add(Array("subject_id", findings.Select(f => f.Subject.Id)));
            batch.BatchCommands.Add(insert);
        }
        if (changed.Count > 0)
        {
            update = Command(UpdateSql, tenantId, asOf);
            AddContent(update, changed.Select(c => c.Finding).ToList(), changed.Select(c => c.ContentHash).ToArray());
            update.Parameters.Add(new NpgsqlParameter<long[]>("exception_id", [.. changed.Select(c => c.Before!.ExceptionId)]));
            update.Parameters.Add(new NpgsqlParameter<int[]>("expected_version", [.. changed.Select(c => c.Before!.Version)]));
            update.Parameters.Add(Array("kind", changed.Select(c => LedgerVocabulary.ToCode(c.Kind))));
            update.Parameters.Add(Array("status", changed.Select(c => LedgerVocabulary.ToCode(c.Status))));
            update.Parameters.Add(new NpgsqlParameter<bool[]>("has_content", [.. changed.Select(c => c.Finding is not null)]));
            update.Parameters.Add(Array("close_en", changed.Select(c => c.ClosureReason?.En)));
            update.Parameters.Add(Array("close_fr", changed.Select(c => c.ClosureReason?.Fr)));
            update.Parameters.Add(new NpgsqlParameter<bool[]>("clears_snooze", [.. changed.Select(c => c.ClearsSnooze)]));
            update.Parameters.Add(new NpgsqlParameter<bool[]>("clears_dismissal", [.. changed.Select(c => c.ClearsDismissal)]));
            update.Parameters.Add(Array("snooze_end_en", changed.Select(c => c.SnoozeEndReason?.En)));
            update.Parameters.Add(Array("snooze_end_fr", changed.Select(c => c.SnoozeEndReason?.Fr)));
            batch.BatchCommands.Add(update);
        }
        if (plan.Seen.Count > 0)
        {
            var seen = Command(SeenSql, tenantId, asOf);
            seen.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. plan.Seen]));
            batch.BatchCommands.Add(seen);
        }
        if (batch.BatchCommands.Count == 0) return true;
        // Prepared: an incremental evaluation writes a change or two, and planning these statements
        // (two dozen unnested arrays, a CTE, the history) costs more than running them.
        await batch.PrepareAsync(ct).ConfigureAwait(false);
        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return update is null || update.RecordsAffected == changed.Count;
    }

    private static NpgsqlBatchCommand Command(string sql, string tenantId, DateOnly asOf)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("as_of", asOf));
        return command;
    }

    // The finding's content, one array per column; a change without a finding (a closure) sends nulls.
    private static void AddContent(NpgsqlBatchCommand command, IReadOnlyList<Finding?> findings, string?[] hashes)
    {
        command.Parameters.Add(new NpgsqlParameter<int?[]>("rule_version", [.. findings.Select(f => f?.RuleVersion)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(Array("payer_id", findings.Select(f => f?.PayerId)));
        command.Parameters.Add(Array("project_id", findings.Select(f => f?.ProjectId)));
        command.Parameters.Add(Array("severity", findings.Select(f => f is null ? null : LedgerVocabulary.ToCode(f.Severity))));
        command.Parameters.Add(new NpgsqlParameter<decimal?[]>("amount", [.. findings.Select(f => f?.AmountAtRisk)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
        command.Parameters.Add(Array("currency", findings.Select(f => f?.Currency)));
        command.Parameters.Add(Array("title_en", findings.Select(f => f?.Title.En)));
        command.Parameters.Add(Array("title_fr", findings.Select(f => f?.Title.Fr)));
        command.Parameters.Add(Array("detail_en", findings.Select(f => f?.Detail.En)));
        command.Parameters.Add(Array("detail_fr", findings.Select(f => f?.Detail.Fr)));
        command.Parameters.Add(Array("action_en", findings.Select(f => f?.SuggestedAction.En)));
        command.Parameters.Add(Array("action_fr", findings.Select(f => f?.SuggestedAction.Fr)));
        command.Parameters.Add(Array("evidence", findings.Select(f => f is null ? null : EvidenceJson.Write(f.Evidence)), NpgsqlDbType.Jsonb));
        command.Parameters.Add(Array("content_hash", hashes));
    }

    private static NpgsqlParameter<string?[]> Array(string name, IEnumerable<string?> values, NpgsqlDbType element = NpgsqlDbType.Text) =>
        new(name, [.. values]) { NpgsqlDbType = NpgsqlDbType.Array | element };
}
