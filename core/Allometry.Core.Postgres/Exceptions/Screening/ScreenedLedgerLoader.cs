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

    // Every statement of the read (not the screens, which join whole small tables by hash) starts
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
        var (meta, present) = await LedgerSnapshotStore.ReadMetaAsync(connection, transaction, tenantId, ct).ConfigureAwait(false);
        var registrations = new HashSet<Province>(settings.SellerPstRegistrations);
        registrations.UnionWith(meta.SellerPstRegistrations);
        var context = new ScreenContext(tenantId, asOf ?? meta.AsOf, settings, registrations);
        var running = _rules.Where(r => settings.IsEnabled(r.Id) && r.RequiredSheets.All(present.Contains)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var screens = RuleScreens.All.Where(s => s.RuleIds.Any(running.Contains)).ToList();
        var unscreened = running.Where(id => !BaseScope.Covers.Contains(id) && !screens.Any(s => s.RuleIds.Contains(id)));
        IEnumerable<IRuleScreen> toRun = unscreened.Any() ? [EverythingScreen.Instance] : screens;
        var wholeProjects = new HashSet<string>(StringComparer.Ordinal);
        var screenedInvoices = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var steps = new List<(string Step, TimeSpan Took)> { ("meta", clock.Elapsed) };
        foreach (var screen in toRun)
        {
            var started = clock.Elapsed;
            var found = await screen.RunAsync(connection, context, ct).ConfigureAwait(false);
            steps.Add((screen.GetType().Name, clock.Elapsed - started));
            wholeProjects.UnionWith(found.ProjectIds);
            // An invoice a screen names is read for that screen's rules (the fallback's, for every rule).
            IEnumerable<string> named = ReferenceEquals(screen, EverythingScreen.Instance) ? running : screen.RuleIds;
            foreach (var invoice in found.InvoiceIds)
            {
                var rules = screenedInvoices.TryGetValue(invoice, out var before) ? before.Union(named) : named;
                screenedInvoices[invoice] = rules.ToHashSet(StringComparer.Ordinal);
            }
        }
        var reading = clock.Elapsed;
        await ExecuteAsync(connection, transaction, IndexJoinsSql, ct).ConfigureAwait(false);
        var (snapshot, light) = await LedgerSnapshotStore.ReadScopeAsync(
            connection, transaction, tenantId, meta, present, wholeProjects, screenedInvoices.Keys, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        steps.Add(("read", clock.Elapsed - reading));
        return new ScreenedLedger(snapshot, wholeProjects, screenedInvoices, light) { Steps = steps };
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
