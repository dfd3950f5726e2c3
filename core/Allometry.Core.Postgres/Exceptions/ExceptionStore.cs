namespace Allometry.Core.Postgres.Exceptions;

using Allometry.Core.Actions;
using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;
using Npgsql;

/// <summary>
/// The <c>exceptions</c> aggregate and its history. Reads for the queue and the cards are public;
/// the evaluation's writes go through <see cref="ExceptionEvaluator"/>, which applies an
/// <see cref="ExceptionPlan"/> in one transaction (see <c>ExceptionStore.Apply.cs</c>).
/// </summary>
/// <remarks>Dates go through Npgsql's own readers and parameters (<see cref="DateOnly"/> as <c>date</c>), not through a mapper.</remarks>
public sealed partial class ExceptionStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        exception_id, fingerprint, rule_id, rule_version, subject_kind::text, subject_id, payer_id, project_id,
        severity::text, amount_at_risk, currency::text, title_en, title_fr, detail_en, detail_fr, action_en, action_fr,
        evidence::text, status::text, snoozed_until, snooze_reason, escalated_to, escalation_note, rerouted_payer_id,
        assigned_to, dismissed_reason, version, first_seen_on, last_seen_on, closed_on, close_reason_en, close_reason_fr,
        reopened_count
        """;

    private const string ListSql = $"""
        SELECT {Columns}
        FROM exceptions
        WHERE tenant_id = @tenant
          AND (@status::text IS NULL OR status = @status::text)
          AND severity_rank >= @minRank
          AND (@project::text IS NULL OR project_id = @project::text)
          AND (@payer::text IS NULL OR payer_id = @payer::text)
        ORDER BY severity_rank DESC, amount_at_risk DESC, exception_id
        LIMIT @top
        """;

    /// <summary>The tenant's exceptions matching <paramref name="query"/>, worst first.</summary>
    public async Task<IReadOnlyList<ExceptionRecord>> ListAsync(string tenantId, ExceptionQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<string?>("status", query.Status is { } s ? LedgerVocabulary.ToCode(s) : null) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<short>("minRank", (short)query.MinSeverity));
        command.Parameters.Add(new NpgsqlParameter<string?>("project", query.ProjectId) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("payer", query.PayerId) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int>("top", Math.Max(0, query.Top)));
        return await ReadRecordsAsync(command, ct).ConfigureAwait(false);
    }

    private const string GetSql = $"SELECT {Columns} FROM exceptions WHERE tenant_id = @tenant AND exception_id = @id";

    /// <summary>One exception of the tenant, or null.</summary>
    public async Task<ExceptionRecord?> GetAsync(string tenantId, long exceptionId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(GetSql);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<long>("id", exceptionId));
        return (await ReadRecordsAsync(command, ct).ConfigureAwait(false)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<ExceptionRecord>> ReadRecordsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var records = new List<ExceptionRecord>();
        await using var r = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            records.Add(new ExceptionRecord
            {
                ExceptionId = r.GetInt64(0),
                Fingerprint = r.GetString(1),
                RuleId = r.GetString(2),
                RuleVersion = r.GetInt32(3),
                Subject = new FindingSubject(LedgerVocabulary.Parse<SubjectKind>(r.GetString(4)), r.GetString(5)),
                PayerId = Text(r, 6),
                ProjectId = Text(r, 7),
                Severity = LedgerVocabulary.Parse<Severity>(r.GetString(8)),
                AmountAtRisk = r.GetDecimal(9),
                Currency = r.GetString(10),
                Title = new LocalizedText(r.GetString(11), r.GetString(12)),
                Detail = new LocalizedText(r.GetString(13), r.GetString(14)),
                SuggestedAction = new LocalizedText(r.GetString(15), r.GetString(16)),
                Evidence = EvidenceJson.Read(r.GetString(17)),
                Status = LedgerVocabulary.Parse<ExceptionStatus>(r.GetString(18)),
                SnoozedUntil = Date(r, 19),
                SnoozeReason = Text(r, 20),
                EscalatedTo = Text(r, 21),
                EscalationNote = Text(r, 22),
                ReroutedPayerId = Text(r, 23),
                AssignedTo = Text(r, 24),
                DismissedReason = Text(r, 25),
                Version = r.GetInt32(26),
                FirstSeenOn = r.GetFieldValue<DateOnly>(27),
                LastSeenOn = r.GetFieldValue<DateOnly>(28),
                ClosedOn = Date(r, 29),
                CloseReason = r.IsDBNull(30) ? null : new LocalizedText(r.GetString(30), r.GetString(31)),
                ReopenedCount = r.GetInt32(32),
            });
        }
        return records;
    }

    // The lifecycle's view of a scope: the whole tenant, or one project's item-level exceptions
    // plus any exception a finding of the scope already has (its project may have changed). The
    // project's statements are separate from the tenant's (no "@project IS NULL OR …") so a
    // prepared, generically planned statement still uses the project index.
    // A snooze's condition and first day are in the audit row of the action that set it (the
    // action service records "snooze_condition" with it): read for snoozed exceptions only.
    private const string StateColumns = """
        e.exception_id, e.fingerprint, e.rule_id, e.subject_kind::text, e.subject_id, e.payer_id, e.project_id, e.status::text,
        e.severity::text, e.amount_at_risk, e.content_hash, e.snoozed_until, e.version, e.last_seen_on, e.rerouted_payer_id,
        s.condition, s.snoozed_on
        """;

    private const string SnoozeJoin = """
        LEFT JOIN LATERAL (
            SELECT a.after ->> 'snooze_condition' AS condition, (a.at AT TIME ZONE 'UTC')::date AS snoozed_on
            FROM action_audit a
            WHERE e.status = 'snoozed' AND a.tenant_id = e.tenant_id AND a.exception_id = e.exception_id
              AND a.verb = 'snooze' AND a.outcome_kind = 'Applied'
            ORDER BY a.audit_id DESC
            LIMIT 1) s ON true
        """;

    private const string TenantStatesSql = $"""
        SELECT {StateColumns}
        FROM exceptions e {SnoozeJoin}
        WHERE e.tenant_id = $1
        """;

    /// <summary>A project's item-level exceptions ($1 the tenant, $2 the project), for a batch.</summary>
    internal const string ProjectStatesSql = $"""
        SELECT {StateColumns}
        FROM exceptions e {SnoozeJoin}
        WHERE e.tenant_id = $1 AND e.project_id = $2 AND e.subject_kind NOT IN ('payer', 'linked_group')
        """;

    /// <summary>
    /// Exceptions about the project ($2) or one of its invoices that are not among its item-level
    /// ones (their project changed), for the same batch: a finding about those subjects then
    /// needs no look-up by fingerprint, found or not (0014's subject index serves it).
    /// </summary>
    /// <remarks>
    /// One index look-up per subject, whatever the statistics say: as a plain join, the generic
    /// plan made while <c>exceptions</c> had no statistics yet (a tenant's first evaluation
    /// inserts its exceptions a minute before autovacuum analyzes them) read every exception of
    /// the tenant and compared each with each invoice, 2–3 ms a call at 100,000 invoices and
    /// growing with the tenant's exceptions. The lateral subquery with <c>OFFSET 0</c> is not
    /// flattened, so its only inputs are the tenant and one subject: the subject index.
    /// </remarks>
    internal const string ProjectSubjectStatesSql = $"""
        SELECT {StateColumns}
        FROM (SELECT invoice_id AS id, 'invoice' AS kind FROM invoices WHERE tenant_id = $1 AND project_id = $2
              UNION ALL
              SELECT $2, 'project') subject
        CROSS JOIN LATERAL (
            SELECT {SubjectColumns}
            FROM exceptions x
            WHERE x.tenant_id = $1 AND x.subject_id = subject.id AND x.subject_kind = subject.kind AND x.project_id IS DISTINCT FROM $2
            OFFSET 0) e
        {SnoozeJoin}
        """;

    // What StateColumns and SnoozeJoin read of an exception, for a subquery standing for the table.
    private const string SubjectColumns = """
        x.tenant_id, x.exception_id, x.fingerprint, x.rule_id, x.subject_kind, x.subject_id, x.payer_id, x.project_id, x.status,
        x.severity, x.amount_at_risk, x.content_hash, x.snoozed_until, x.version, x.last_seen_on, x.rerouted_payer_id
        """;

    private const string FingerprintStatesSql = $"""
        SELECT {StateColumns}
        FROM exceptions e {SnoozeJoin}
        WHERE e.tenant_id = $1 AND e.fingerprint = ANY($2)
        """;

    /// <summary>The stored exceptions of a scope: the tenant's (no project), or the project's item-level ones and those of <paramref name="fingerprints"/>.</summary>
    internal static async Task<IReadOnlyList<ExceptionState>> LoadStatesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string? projectId, IReadOnlyList<string> fingerprints, CancellationToken ct)
    {
        if (projectId is null) return await QueryStatesAsync(connection, transaction, TenantStatesSql, tenantId, null, ct).ConfigureAwait(false);
        var states = new List<ExceptionState>(await QueryStatesAsync(connection, transaction, ProjectStatesSql, tenantId, projectId, ct).ConfigureAwait(false));
        states.AddRange(await LoadStatesByFingerprintAsync(connection, transaction, tenantId, fingerprints, states, ct).ConfigureAwait(false));
        return states;
    }

    /// <summary>The stored exceptions of <paramref name="fingerprints"/> that <paramref name="known"/> does not hold already.</summary>
    internal static async Task<IReadOnlyList<ExceptionState>> LoadStatesByFingerprintAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, IEnumerable<string> fingerprints, IEnumerable<ExceptionState> known, CancellationToken ct)
    {
        var have = known.Select(s => s.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var missing = fingerprints.Where(f => !have.Contains(f)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length == 0) return [];
        return await QueryStatesAsync(connection, transaction, FingerprintStatesSql, tenantId, missing, ct).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<ExceptionState>> QueryStatesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string tenantId, object? second, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        if (second is not null) command.Parameters.Add(new NpgsqlParameter { Value = second });
        // Run by every evaluation, an incremental one in a few milliseconds: planned once per connection.
        await command.PrepareAsync(ct).ConfigureAwait(false);
        await using var r = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await ReadStatesAsync(r, ct).ConfigureAwait(false);
    }

    /// <summary>Reads one result of exception states (columns of <see cref="ProjectStatesSql"/>) and moves to the next result.</summary>
    internal static async Task<List<ExceptionState>> ReadStatesAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        var states = new List<ExceptionState>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            states.Add(new ExceptionState
            {
                ExceptionId = r.GetInt64(0),
                Fingerprint = r.GetString(1),
                RuleId = r.GetString(2),
                Subject = new FindingSubject(LedgerVocabulary.Parse<SubjectKind>(r.GetString(3)), r.GetString(4)),
                PayerId = Text(r, 5),
                ProjectId = Text(r, 6),
                Status = LedgerVocabulary.Parse<ExceptionStatus>(r.GetString(7)),
                Severity = LedgerVocabulary.Parse<Severity>(r.GetString(8)),
                AmountAtRisk = r.GetDecimal(9),
                ContentHash = r.GetString(10),
                SnoozedUntil = Date(r, 11),
                Version = r.GetInt32(12),
                LastSeenOn = r.GetFieldValue<DateOnly>(13),
                ReroutedPayerId = Text(r, 14),
                SnoozeCondition = Text(r, 15) is { } condition && LedgerVocabulary.TryParse<SnoozeCondition>(condition, out var parsed)
                    ? parsed
                    : SnoozeCondition.None,
                SnoozedOn = Date(r, 16),
            });
        }
        await r.NextResultAsync(ct).ConfigureAwait(false);
        return states;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
