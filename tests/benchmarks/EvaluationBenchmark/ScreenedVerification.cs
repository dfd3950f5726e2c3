namespace Allometry.Benchmarks.Evaluation;

using System.Diagnostics;
using System.Globalization;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Allometry.Testing.Findings;
using Npgsql;

/// <summary>
/// <c>--verify</c>: the rules over the screened snapshot (ScreenedLedgerLoader) must report exactly
/// what they report over the whole ledger (LedgerSnapshotStore), at full size. Prints the outcome
/// and the differences; false on any.
/// </summary>
internal static class ScreenedVerification
{
    public static async Task<bool> RunAsync(NpgsqlDataSource dataSource, string tenant, RuleEngine engine)
    {
        var ci = CultureInfo.InvariantCulture;
        var settings = await new RuleSettingsStore(dataSource).LoadAsync(tenant, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var screened = await new ScreenedLedgerLoader(dataSource, engine.Rules).LoadAsync(tenant, null, settings, CancellationToken.None);
        var screenedLoad = clock.Elapsed.TotalSeconds;
        var asOf = screened.Snapshot.Meta.AsOf;
        // As ExceptionEvaluator.EvaluateTenantAsync does: the rules over the screened read, then only the findings it owns.
        var actual = screened.Owned(engine.Evaluate(new RuleContext(screened.Snapshot, asOf, settings)).Findings);
        var screenedInvoices = screened.Snapshot.Invoices.Count;
        screened = null;
        clock.Restart();
        var whole = await new LedgerSnapshotStore(dataSource).LoadAsync(tenant, CancellationToken.None);
        var wholeLoad = clock.Elapsed.TotalSeconds;
        var expected = engine.Evaluate(new RuleContext(whole, asOf, settings)).Findings;
        var differences = FindingsComparison.Differences(expected, actual);
        Console.WriteLine(string.Create(ci,
            $"verify: screened snapshot {screenedInvoices:N0} of {whole.Invoices.Count:N0} invoices in {screenedLoad:0.00} s (whole {wholeLoad:0.00} s); findings screened {actual.Count:N0}, whole {expected.Count:N0}"));
        if (differences.Count == 0 && actual.Count == expected.Count)
        {
            Console.WriteLine("verify: OK, the screened evaluation reports exactly the whole ledger's findings");
            return true;
        }
        Console.WriteLine("verify: FAILED, " + FindingsComparison.Report("screened vs whole", differences, max: 50));
        return false;
    }
}
