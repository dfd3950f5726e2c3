namespace Allometry.Core.Postgres.Exceptions;

using System.Diagnostics;
using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Npgsql;

// Incremental evaluation: one connection and one transaction, and as few round trips as the
// data allows. The tenant's lock, the settings, the slice's first statements and the project's
// stored exceptions share one batch; the involved payers' receivables are the second; a third
// reads stored exceptions of findings the project's own did not cover (rare: a subject whose
// project changed, or a new finding), then the plan's writes, if any, and the commit.
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
            var extra = new SliceStatements(
                [PositionalLockSql, RuleSettingsStore.PositionalLoadSql],
                async (reader, token) =>
                {
                    await reader.NextResultAsync(token).ConfigureAwait(false);
                    settings = await RuleSettingsStore.ReadAsync(reader, token).ConfigureAwait(false);
                },
                [ExceptionStore.ProjectStatesSql],
                async (reader, token) => states = await ExceptionStore.ReadStatesAsync(reader, token).ConfigureAwait(false));
            var snapshot = await LedgerSnapshotStore.LoadProjectAsync(connection, transaction, tenantId, projectId, extra, ct).ConfigureAwait(false);
            var load = clock.Elapsed;

            var context = new RuleContext(snapshot, snapshot.Meta.AsOf, settings);
            var evaluation = _engine.Evaluate(context);
            var findings = evaluation.Findings
                .Where(f => string.Equals(f.ProjectId, projectId, StringComparison.Ordinal) && IsItemLevel(f.Subject.Kind))
                .ToList();
            var rules = clock.Elapsed - load;

            states.AddRange(await ExceptionStore.LoadStatesByFingerprintAsync(
                connection, transaction, tenantId, findings.Select(f => f.Fingerprint), states, ct).ConfigureAwait(false));
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
}
