namespace Allometry.Core.Postgres.Exceptions.Screening;

using System.Data;
using System.Diagnostics;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Npgsql;

/// <summary>
/// Reads what a whole-tenant evaluation needs and nothing else: the projects and invoices the
/// screens (<see cref="IRuleScreen"/>) of the rules that run name, read whole, and the base scope
/// (open receivables, promises, unapplied cash, aging lines, every payer and link) for the rules it
/// covers (<see cref="BaseScope"/>).
/// The rules run over the result as over the whole ledger and, through
/// <see cref="ScreenedLedger.Owns"/>, report the same findings (the equivalence tests hold it to that).
/// </summary>
/// <param name="dataSource">The database.</param>
/// <param name="rules">The rules that may run (by default every rule of <see cref="RuleCatalog"/>): a screen runs only for rules that run.</param>
public sealed class ScreenedLedgerLoader(NpgsqlDataSource dataSource, IReadOnlyList<IRule>? rules = null)
{
    private readonly IReadOnlyList<IRule> _rules = rules ?? RuleCatalog.All;

    // No statement of the evaluation's read should spend 50-350 ms compiling itself (JIT) because the
    // planner wrongly thinks it large. For this transaction only.
    private const string NoJitSql = "SET LOCAL jit = off";

    // Every statement of the reads (not the screens, which join whole small tables by hash) starts
    // from a small set (screened projects, open invoices, their payments) and reaches the
    // million-row tables by index. The planner cannot see how small the sets in the temporary
    // tables are (they have no statistics) and was seen hashing all 840k applications to join 13k
    // payments (0.4-0.7 s). Set after the screens: with hash joins off, TaxScreen took 0.5-0.7 s
    // instead of 0.2-0.3 s.
    private const string IndexJoinsSql = "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off";

    /// <summary>Loads the screened ledger of <paramref name="tenantId"/> for an evaluation at <paramref name="asOf"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="asOf">The evaluation date; by default the ledger's as-of date.</param>
    /// <param name="settings">The tenant's rule settings (which rules run, and the thresholds the screens use).</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The read, whose snapshot's <see cref="LedgerSnapshot.Meta"/> and <see cref="LedgerSnapshot.PresentSheets"/> are the whole ledger's.</returns>
    /// <exception cref="LedgerNotFoundException">The tenant has no imported ledger.</exception>
    /// <remarks>
    /// Two connections read one snapshot: the first runs the screens then reads what they named;
    /// the second reads the base scope meanwhile (it needs no screen). The server's work is index
    /// probes on both, so on two cores the two overlap: the read takes the longer of the two.
    /// </remarks>
    public async Task<ScreenedLedger> LoadAsync(string tenantId, DateOnly? asOf, RuleSettings settings, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        // Repeatable read: the screens and the reads see one state of the ledger. Not read-only: the
        // scope sits in temporary tables, dropped at the commit.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, NoJitSql, ct).ConfigureAwait(false);
        var snapshotId = await LedgerSnapshotStore.ExportSnapshotAsync(connection, transaction, ct).ConfigureAwait(false);
        // The exported snapshot lives as long as this transaction: it commits after the base scope's read.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var baseScope = ReadBaseScopeAsync(tenantId, snapshotId, failed.Token);
        try
        {
            var steps = new List<(string Step, TimeSpan Took)>();
            var (meta, present) = await LedgerSnapshotStore.ReadMetaAsync(connection, transaction, tenantId, ct).ConfigureAwait(false);
            steps.Add(("meta", clock.Elapsed));
            var context = Context(tenantId, asOf, settings, meta);
            var running = _rules.Where(r => settings.IsEnabled(r.Id) && r.RequiredSheets.All(present.Contains)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var named = await ScreenAsync(connection, context, running, steps, ct).ConfigureAwait(false);
            var reading = clock.Elapsed;
            await ExecuteAsync(connection, transaction, IndexJoinsSql, ct).ConfigureAwait(false);
            var screened = await LedgerSnapshotStore.ReadScreenedScopeAsync(
                connection, transaction, tenantId, named.WholeProjects, named.DepositProjects.Keys, named.Invoices.Keys, ct).ConfigureAwait(false);
            steps.Add(("read", clock.Elapsed - reading));
            var (baseRows, baseTook) = await baseScope.ConfigureAwait(false);
            steps.Add(("base scope (beside)", baseTook));
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            var snapshot = ScopeRows.Merge(meta, present, screened, baseRows);
            // The named invoices are read for the base scope's rules too, as they were before the
            // base scope had a connection of its own.
            var read = snapshot.Invoices.Select(i => i.InvoiceId).ToHashSet(StringComparer.Ordinal);
            var light = baseRows.LightInvoices.Concat(named.Invoices.Keys.Where(read.Contains));
            return new ScreenedLedger(snapshot, named.WholeProjects, named.Invoices, light) { Steps = steps, DepositProjects = named.DepositProjects };
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            try
            {
                await baseScope.ConfigureAwait(false);
            }
            catch (Exception) when (failed.IsCancellationRequested)
            {
                // The first connection's failure is the one to report.
            }
            throw;
        }
    }

    private static ScreenContext Context(string tenantId, DateOnly? asOf, RuleSettings settings, LedgerMeta meta)
    {
        var registrations = new HashSet<Province>(settings.SellerPstRegistrations);
        registrations.UnionWith(meta.SellerPstRegistrations);
        return new ScreenContext(tenantId, asOf ?? meta.AsOf, settings, registrations);
    }

    // What the screens named: projects to read whole, projects to read for their deposits and
    // invoices, the latter two with the rules that named each.
    private sealed record Named(
        HashSet<string> WholeProjects, Dictionary<string, IReadOnlySet<string>> DepositProjects, Dictionary<string, IReadOnlySet<string>> Invoices);

    // Runs the screens of the running rules (or the fallback, if one has none).
    private static async Task<Named> ScreenAsync(
        NpgsqlConnection connection, ScreenContext context, HashSet<string> running, List<(string Step, TimeSpan Took)> steps, CancellationToken ct)
    {
        var screens = RuleScreens.All.Where(s => s.RuleIds.Any(running.Contains)).ToList();
        var unscreened = running.Where(id => !BaseScope.Covers.Contains(id) && !screens.Any(s => s.RuleIds.Contains(id)));
        IEnumerable<IRuleScreen> toRun = unscreened.Any() ? [EverythingScreen.Instance] : screens;
        var named = new Named(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        foreach (var screen in toRun)
        {
            var clock = Stopwatch.StartNew();
            var found = await screen.RunAsync(connection, context, ct).ConfigureAwait(false);
            steps.Add((screen.GetType().Name, clock.Elapsed));
            named.WholeProjects.UnionWith(found.ProjectIds);
            // What a screen names in part is read for that screen's rules (the fallback's, for every rule).
            IEnumerable<string> rules = ReferenceEquals(screen, EverythingScreen.Instance) ? running : screen.RuleIds;
            NameFor(named.Invoices, found.InvoiceIds, rules);
            NameFor(named.DepositProjects, found.DepositProjectIds, rules);
        }
        return named;
    }

    private static void NameFor(Dictionary<string, IReadOnlySet<string>> named, IEnumerable<string> ids, IEnumerable<string> rules)
    {
        foreach (var id in ids)
        {
            var all = named.TryGetValue(id, out var before) ? before.Union(rules) : rules;
            named[id] = all.ToHashSet(StringComparer.Ordinal);
        }
    }

    // The base scope, on a connection of its own that sees the first one's snapshot.
    private async Task<(ScopeRows Rows, TimeSpan Took)> ReadBaseScopeAsync(string tenantId, string snapshotId, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        await LedgerSnapshotStore.UseSnapshotAsync(connection, transaction, snapshotId, ct).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, NoJitSql + "; " + IndexJoinsSql, ct).ConfigureAwait(false);
        var rows = await LedgerSnapshotStore.ReadBaseScopeAsync(connection, transaction, tenantId, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return (rows, clock.Elapsed);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
