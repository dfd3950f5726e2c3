namespace Allometry.Core.Postgres.Exceptions;

using System.Diagnostics;
using Allometry.Core.Exceptions;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Npgsql;

/// <summary>
/// Runs the rules over a tenant's ledger and brings its exceptions up to date: the findings are
/// reconciled with the stored exceptions (<see cref="ExceptionLifecycle"/>) and the changes are
/// written in one transaction, under a per-tenant advisory lock so two evaluations of a tenant
/// take turns. A person acting on an exception meanwhile moves its version: the evaluation then
/// rolls back, reads the exceptions again and re-plans (up to <see cref="MaxAttempts"/> times).
/// </summary>
public sealed partial class ExceptionEvaluator
{
    /// <summary>Plans tried before a run of concurrent edits is reported as an error.</summary>
    public const int MaxAttempts = 3;

    private readonly NpgsqlDataSource _dataSource;
    private readonly LedgerSnapshotStore _snapshots;
    private readonly RuleSettingsStore _settings;
    private readonly TimeProvider _time;
    private readonly RuleEngine _engine;
    private readonly ScreenedLedgerLoader _screened;

    /// <summary>An evaluator of <paramref name="engine"/>'s rules (by default every rule of <see cref="RuleCatalog"/>).</summary>
    public ExceptionEvaluator(NpgsqlDataSource dataSource, LedgerSnapshotStore snapshots, RuleSettingsStore settings, TimeProvider time, RuleEngine? engine = null)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _engine = engine ?? RuleCatalog.CreateEngine();
        _screened = new ScreenedLedgerLoader(dataSource, _engine.Rules);
    }

    /// <summary>Evaluates the tenant's whole ledger and reconciles every exception of the tenant.</summary>
    /// <remarks>
    /// The ledger is read screened (<see cref="ScreenedLedgerLoader"/>): set-based SQL screens name
    /// the projects and invoices where a rule can fire, only those (and the payer-wide facts) are
    /// read, and the rules run over them; the findings are the whole ledger's
    /// (<see cref="ScreenedLedger.Owns"/>). <see cref="EvaluateTenantWholeAsync"/> reads everything.
    /// </remarks>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="asOf">The day to evaluate for; by default the ledger's as-of date.</param>
    /// <param name="ct">Cancels the evaluation; nothing is written unless it completes.</param>
    /// <exception cref="LedgerNotFoundException">The tenant has no imported ledger.</exception>
    public async Task<ExceptionEvaluation> EvaluateTenantAsync(string tenantId, DateOnly? asOf, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var settings = await _settings.LoadAsync(tenantId, ct).ConfigureAwait(false);
        var reroutes = await _settings.LoadReroutesAsync(tenantId, ct).ConfigureAwait(false);
        var settingsTime = clock.Elapsed;
        var screened = await _screened.LoadAsync(tenantId, asOf, settings, ct).ConfigureAwait(false);
        var load = clock.Elapsed - settingsTime;
        var context = new RuleContext(screened.Snapshot, asOf ?? screened.Snapshot.Meta.AsOf, settings) { Reroutes = reroutes };
        var evaluation = _engine.Evaluate(context);
        evaluation = evaluation with { Findings = screened.Owned(evaluation.Findings) };
        var timings = new EvaluationTimings(load, settingsTime, clock.Elapsed - load - settingsTime, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        return await ReconcileAsync(tenantId, null, evaluation.Findings, evaluation, context, timings, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Evaluates the tenant reading its whole ledger into memory (seconds and a gigabyte at a
    /// million invoices): the reference the screened <see cref="EvaluateTenantAsync"/> is checked
    /// against, and a way to rule the screens out when a result is in doubt.
    /// </summary>
    /// <inheritdoc cref="EvaluateTenantAsync" path="/param"/>
    /// <exception cref="LedgerNotFoundException">The tenant has no imported ledger.</exception>
    public async Task<ExceptionEvaluation> EvaluateTenantWholeAsync(string tenantId, DateOnly? asOf, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = await _snapshots.LoadAsync(tenantId, ct).ConfigureAwait(false);
        var load = clock.Elapsed;
        var settings = await _settings.LoadAsync(tenantId, ct).ConfigureAwait(false);
        var reroutes = await _settings.LoadReroutesAsync(tenantId, ct).ConfigureAwait(false);
        var settingsTime = clock.Elapsed - load;
        var context = new RuleContext(snapshot, asOf ?? snapshot.Meta.AsOf, settings) { Reroutes = reroutes };
        var evaluation = _engine.Evaluate(context);
        var timings = new EvaluationTimings(load, settingsTime, clock.Elapsed - load - settingsTime, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        return await ReconcileAsync(tenantId, null, evaluation.Findings, evaluation, context, timings, ct).ConfigureAwait(false);
    }

    /// <summary>True for subjects a project holds entirely (everything but payers and linked groups).</summary>
    public static bool IsItemLevel(SubjectKind kind) => kind is not (SubjectKind.Payer or SubjectKind.LinkedGroup);

    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('allometry.exceptions:' || @tenant, 0))";

    private async Task<ExceptionEvaluation> ReconcileAsync(
        string tenantId, string? projectId, IReadOnlyList<Finding> findings, RuleEvaluation evaluation, RuleContext context,
        EvaluationTimings timings, CancellationToken ct)
    {
        var lifecycle = Lifecycle(evaluation, context);
        var fingerprints = findings.Select(f => f.Fingerprint).Distinct(StringComparer.Ordinal).ToList();

        for (var attempt = 1; ; attempt++)
        {
            var clock = Stopwatch.StartNew();
            await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (var lockCommand = new NpgsqlCommand(LockSql, connection, transaction))
            {
                lockCommand.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
                await lockCommand.PrepareAsync(ct).ConfigureAwait(false);
                await lockCommand.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            var states = await ExceptionStore.LoadStatesAsync(connection, transaction, tenantId, projectId, fingerprints, ct).ConfigureAwait(false);
            var statesTime = clock.Elapsed;
            var plan = ExceptionLifecycle.Plan(states, findings, lifecycle);
            var planTime = clock.Elapsed - statesTime;
            if (await ExceptionStore.ApplyAsync(connection, transaction, tenantId, plan, context.AsOf, ct).ConfigureAwait(false))
            {
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return Summarize(tenantId, projectId, context.AsOf, evaluation, plan) with
                {
                    Timings = timings with { States = statesTime, Plan = planTime, Apply = clock.Elapsed - statesTime - planTime },
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

    private LifecycleContext Lifecycle(RuleEvaluation evaluation, RuleContext context)
    {
        var disabled = evaluation.Skipped.Where(s => s.Reason == SkipReason.Disabled).Select(s => s.RuleId).ToHashSet(StringComparer.Ordinal);
        var skipped = evaluation.Skipped.Select(s => s.RuleId).ToHashSet(StringComparer.Ordinal);
        var run = _engine.Rules.Select(r => r.Id).Where(id => !skipped.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        return new LifecycleContext(context.AsOf, today, run, disabled, ClosureReasons.FromRules(_engine.Rules, context),
            new SnoozeConditions(context.Ledger, context.AsOf).Met);
    }

    private static ExceptionEvaluation Summarize(string tenantId, string? projectId, DateOnly asOf, RuleEvaluation evaluation, ExceptionPlan plan) => new()
    {
        TenantId = tenantId,
        ProjectId = projectId,
        AsOf = asOf,
        Rules = evaluation,
        Opened = plan.Count(ExceptionChangeKind.Opened),
        Updated = plan.Count(ExceptionChangeKind.Updated),
        Closed = plan.Count(ExceptionChangeKind.Closed),
        Reopened = plan.Count(ExceptionChangeKind.Reopened),
        Resurfaced = plan.Count(ExceptionChangeKind.Resurfaced),
        SnoozesEnded = plan.Count(ExceptionChangeKind.SnoozeEnded),
        Unchanged = plan.Unchanged,
        DuplicateFindings = plan.DuplicateFindings,
    };
}
