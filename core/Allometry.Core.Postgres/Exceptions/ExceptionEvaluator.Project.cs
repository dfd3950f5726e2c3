namespace Allometry.Core.Postgres.Exceptions;

using System.Diagnostics;
using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Npgsql;

// Incremental evaluation: one connection and one transaction, and as few round trips as the
// data allows. The tenant's lock, the settings, the slice (what the project's item-level rules
// read, the payers worked out by the server) and the stored exceptions of the project and of its
// invoices share one batch; a second reads stored exceptions of findings neither covered (rare: a
// hold or quote filed under another project); then the plan's writes in one batch, if any, and
// the commit.
public sealed partial class ExceptionEvaluator
{
    private const string PositionalLockSql = "SELECT pg_advisory_xact_lock(hashtextextended('allometry.exceptions:' || $1, 0))";

    /// <summary>
    /// Evaluates one project after a change, on a slice of the ledger
    /// (<see cref="LedgerSnapshotStore.LoadProjectAsync(string, string, CancellationToken)"/>), and reconciles only the project's
    /// item-level exceptions: those whose project is <paramref name="projectId"/> and whose subject
    /// is not a payer or a linked group.
    /// </summary>
    /// <remarks>
    /// Payer- and group-level rules (concentration, linked-group exposure, unapplied cash…) add up
    /// a payer's or a group's whole receivables, which a project does not hold; their exceptions
    /// are left to the next full evaluation (<see cref="EvaluateTenantAsync"/>, after each import).
    /// The slice is read under the tenant's evaluation lock, in read-committed mode so that what
    /// another evaluation committed before the lock was granted is seen.
    /// </remarks>
    /// <exception cref="LedgerNotFoundException">The tenant has no imported ledger, or no such project.</exception>
    public async Task<ExceptionEvaluation> EvaluateProjectAsync(string tenantId, string projectId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var clock = Stopwatch.StartNew();
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var settings = RuleSettings.Default;
            List<ExceptionState> states = [];
            List<ExceptionState> moved = [];
            var extra = new SliceStatements(
                [PositionalLockSql, RuleSettingsStore.PositionalLoadSql],
                async (reader, token) =>
                {
                    await reader.NextResultAsync(token).ConfigureAwait(false);
                    settings = await RuleSettingsStore.ReadAsync(reader, token).ConfigureAwait(false);
                },
                [ExceptionStore.ProjectStatesSql, ExceptionStore.ProjectSubjectStatesSql],
                async (reader, token) =>
                {
                    states = await ExceptionStore.ReadStatesAsync(reader, token).ConfigureAwait(false);
                    moved = await ExceptionStore.ReadStatesAsync(reader, token).ConfigureAwait(false);
                });
            var snapshot = await LedgerSnapshotStore.LoadProjectAsync(connection, transaction, tenantId, projectId, extra, ct).ConfigureAwait(false);
            var load = clock.Elapsed;

            var context = new RuleContext(snapshot, snapshot.Meta.AsOf, settings);
            var evaluation = _engine.Evaluate(context);
            var findings = evaluation.Findings
                .Where(f => string.Equals(f.ProjectId, projectId, StringComparison.Ordinal) && IsItemLevel(f.Subject.Kind))
                .ToList();
            var rules = clock.Elapsed - load;

            states.AddRange(await StatesOfFindingsAsync(connection, transaction, tenantId, projectId, snapshot, findings, states, moved, ct).ConfigureAwait(false));
            var statesTime = clock.Elapsed - load - rules;
            var plan = ExceptionLifecycle.Plan(states, findings, Lifecycle(evaluation, context));
            var planTime = clock.Elapsed - load - rules - statesTime;
            if (await ExceptionStore.ApplyAsync(connection, transaction, tenantId, plan, context.AsOf, ct).ConfigureAwait(false))
            {
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return Summarize(tenantId, projectId, context.AsOf, evaluation, plan) with
                {
                    Timings = new EvaluationTimings(load, TimeSpan.Zero, rules, statesTime, planTime, clock.Elapsed - load - rules - statesTime - planTime),
                };
            }
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException(
                    $"Exceptions of tenant '{tenantId}' kept changing while being evaluated ({MaxAttempts} attempts); evaluate again.");
            }
        }
    }

    // The stored exceptions of findings the project's own do not cover: those read with the slice
    // (the project and its invoices as subjects, whatever their stored project), and a look-up by
    // fingerprint only for other subjects the slice could not know (a hold or a quote whose
    // exception was filed under another project). A finding about the project or one of its
    // invoices that the slice did not bring back has no stored exception yet.
    private static async Task<IReadOnlyList<ExceptionState>> StatesOfFindingsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string projectId, LedgerSnapshot snapshot,
        IReadOnlyList<Finding> findings, IReadOnlyList<ExceptionState> own, IReadOnlyList<ExceptionState> moved, CancellationToken ct)
    {
        var have = own.Select(s => s.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var movedByFingerprint = moved.ToDictionary(s => s.Fingerprint, StringComparer.Ordinal);
        var found = new List<ExceptionState>();
        var unknown = new List<string>();
        foreach (var finding in findings)
        {
            var fingerprint = finding.Fingerprint;
            if (!have.Add(fingerprint)) continue;
            if (movedByFingerprint.TryGetValue(fingerprint, out var state)) found.Add(state);
            else if (!SliceKnows(finding.Subject, projectId, snapshot)) unknown.Add(fingerprint);
        }
        if (unknown.Count > 0)
        {
            found.AddRange(await ExceptionStore.LoadStatesByFingerprintAsync(connection, transaction, tenantId, unknown, [], ct).ConfigureAwait(false));
        }
        return found;
    }

    // True for the subjects whose every stored exception the slice read (ExceptionStore.ProjectSubjectStatesSql).
    private static bool SliceKnows(FindingSubject subject, string projectId, LedgerSnapshot snapshot) => subject.Kind switch
    {
        SubjectKind.Project => string.Equals(subject.Id, projectId, StringComparison.Ordinal),
        SubjectKind.Invoice => string.Equals(snapshot.Invoice(subject.Id)?.ProjectId, projectId, StringComparison.Ordinal),
        _ => false,
    };
}
