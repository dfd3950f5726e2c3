// Generates a large ledger in memory (GeneratedLedger), imports it once with LedgerImporter into a
// private PostgreSQL, then in one run times: (1) the floor, one aggregate scan of the tenant's
// invoices by PostgreSQL (warm, median of 3); (2) ExceptionEvaluator.EvaluateTenantAsync, first
// run (exceptions inserted) and second run (unchanged), with the split load / rules / apply and
// peak RSS; (3) incremental: for K projects, one invoice's balance changed (a tiny re-import of
// that invoice, or direct SQL with --change sql), then EvaluateProjectAsync timed per call.
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Allometry.Benchmarks.Evaluation;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.Migrations;
using Allometry.Core.Postgres.Server;
using Allometry.Core.Rules;
using Allometry.Testing.Ledgers;
using Npgsql;

const string Tenant = "bench";
var options = BenchmarkOptions.Parse(args);
var ci = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(ci, $"EvaluationBenchmark: {options.Invoices:N0} invoices, {options.Projects:N0} projects, {options.Payers:N0} payers, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}"));

var clock = Stopwatch.StartNew();
var ledger = GeneratedLedger.Generate(options.Invoices, options.Projects, options.Payers, options.Seed);
Console.WriteLine(string.Create(ci,
    $"generated in {clock.Elapsed.TotalSeconds:0.0} s: {ledger.Invoices.Count:N0} invoices, {ledger.Payments.Count:N0} payments, {ledger.Applications.Count:N0} applications, " +
    $"{ledger.Quotes.Count:N0} quotes, {ledger.Deliveries.Count:N0} deliveries, {ledger.Holds.Count:N0} holds, {ledger.Contracts.Count:N0} contracts, {ledger.PlantedProjects:N0} projects with a planted problem"));

// --keep DIR leaves the cluster in DIR after the run (the ledger imported), to explore plans with psql.
var serverOptions = options.KeepDirectory is { } keep
    ? PostgresServerOptions.ForTests() with { InstanceDirectory = keep, DeleteOnDispose = false }
    : PostgresServerOptions.ForTests();
// The buffer cache the application's own server gets (PostgresServerOptions.ForApp), not the 128 MB default.
var serverSettings = new Dictionary<string, string>(options.Trace ? TraceSettings : new Dictionary<string, string>())
{
    ["shared_buffers"] = PostgresServerOptions.RecommendedSharedBuffers(),
};
if (options.LogSlow && !options.Trace) serverSettings["log_min_duration_statement"] = "200";
await using var server = await PostgresServer.StartAsync(serverOptions with { Settings = serverSettings });
Console.WriteLine($"PostgreSQL on 127.0.0.1:{server.Port} (private, fsync off), binaries {server.BinDirectory}");
// No command timeout: on a loaded machine a million-row COPY or the snapshot read can exceed the default 30 s.
await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
await new Migrator(dataSource).MigrateAsync();

clock.Restart();
var import = await new LedgerImporter(dataSource).ImportAsync(Tenant, ledger.ToBatch(options.PaymentsViaImporter));
Console.WriteLine(string.Create(ci, $"imported with LedgerImporter in {clock.Elapsed.TotalSeconds:0.0} s ({string.Join(", ", import.Sheets.Select(s => $"{s.Sheet} {s.Inserted:N0}"))})"));
if (!options.PaymentsViaImporter)
{
    clock.Restart();
    await PaymentCopy.CopyAsync(dataSource, Tenant, import.ImportId, ledger.Meta.AsOf, ledger.Payments, ledger.Applications);
    Console.WriteLine(string.Create(ci, $"payments and applications copied in {clock.Elapsed.TotalSeconds:0.0} s (see PaymentCopy.cs for why not through LedgerImporter)"));
}
await ExecuteAsync(dataSource, "VACUUM ANALYZE");

// The projects of the incremental step (spread over the ledger) and the invoice changed in each;
// the warm-up's projects sit between them (each connection of the pool plans the slice's
// statements once, as in a host that has served a few calls).
var incremental = Enumerable.Range(0, options.Incremental)
    .Select(i => ledger.Invoices[ledger.LastInvoiceOfProject[(int)((long)i * options.Projects / options.Incremental)]])
    .ToList();
var warmUpProjects = Enumerable.Range(0, options.WarmUp)
    .Select(i => ledger.Invoices[ledger.LastInvoiceOfProject[((int)((long)i * options.Projects / Math.Max(options.WarmUp, 1)) + 1) % options.Projects]].ProjectId!)
    .Except(incremental.Select(i => i.ProjectId!))
    .ToList();
var meta = ledger.Meta;
ledger = null;
PeakRss.Reset();
var baselineRss = PeakRss.Current();

// (1) The floor: one aggregate scan of the same invoices, warm, median of 3.
var floorQuery = "SELECT payer_id, count(*), sum(balance) FROM invoices WHERE tenant_id = $1 GROUP BY payer_id";
await TimeQueryAsync(dataSource, floorQuery); // warm-up
var floorRuns = new List<double>();
for (var i = 0; i < 3; i++) floorRuns.Add(await TimeQueryAsync(dataSource, floorQuery));
var floor = Median(floorRuns);

// (2) Full evaluation, first run (exceptions inserted) then second (nothing changed).
var snapshots = new LedgerSnapshotStore(dataSource);
var evaluator = new ExceptionEvaluator(dataSource, snapshots, new RuleSettingsStore(dataSource), TimeProvider.System);
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
clock.Restart();
var first = await evaluator.EvaluateTenantAsync(Tenant, null, CancellationToken.None);
var firstTime = clock.Elapsed.TotalSeconds;
var firstCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
var firstRss = PeakRss.Read();
Collect();
cpu = Process.GetCurrentProcess().TotalProcessorTime;
clock.Restart();
var second = await evaluator.EvaluateTenantAsync(Tenant, null, CancellationToken.None);
var secondTime = clock.Elapsed.TotalSeconds;
var secondCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
Collect();
// Warm, like the floor: runs 2 to 4 (nothing changed), median. A host evaluates after every
// import, so its rules and readers run compiled (tiered JIT), not for the second time in a process.
var warmRuns = new List<double> { secondTime };
for (var i = 0; i < 2; i++)
{
    clock.Restart();
    var again = await evaluator.EvaluateTenantAsync(Tenant, null, CancellationToken.None);
    warmRuns.Add(clock.Elapsed.TotalSeconds);
    if (again.Changed != 0) Environment.ExitCode = 1;
    Collect();
}
var warm = Median(warmRuns);
var fullRss = PeakRss.Read();
// The reference: the same evaluation reading the whole ledger (EvaluateTenantWholeAsync). After the
// screened runs it must change nothing: any change is a finding the screened read got wrong.
cpu = Process.GetCurrentProcess().TotalProcessorTime;
clock.Restart();
var whole = await evaluator.EvaluateTenantWholeAsync(Tenant, null, CancellationToken.None);
var wholeTime = clock.Elapsed.TotalSeconds;
var wholeCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
if (whole.Changed != 0) Environment.ExitCode = 1;
Collect();
// The screened read alone (ScreenedLedgerLoader: screens, base scope, whole projects), median of 3.
var screenedLoads = new List<double>();
var screenedRules = new List<double>();
ScreenedLedger? screenedRead = null;
for (var i = 0; i < 3; i++)
{
    var settings = await new RuleSettingsStore(dataSource).LoadAsync(Tenant, CancellationToken.None);
    clock.Restart();
    screenedRead = await new ScreenedLedgerLoader(dataSource).LoadAsync(Tenant, null, settings, CancellationToken.None);
    screenedLoads.Add(clock.Elapsed.TotalSeconds);
    clock.Restart();
    RuleCatalog.CreateEngine().Evaluate(new RuleContext(screenedRead.Snapshot, screenedRead.Snapshot.Meta.AsOf, settings));
    screenedRules.Add(clock.Elapsed.TotalSeconds);
}
// --verify: the screened snapshot's findings against the whole ledger's (exit code 1 on a difference).
if (options.Verify && !await ScreenedVerification.RunAsync(dataSource, Tenant, RuleCatalog.CreateEngine())) Environment.ExitCode = 1;
Collect();

// The split: the same steps EvaluateTenantAsync takes, timed apart (median of 3) on a freshly
// collected heap; each run's own steps come from ExceptionEvaluation.Timings.
var engine = RuleCatalog.CreateEngine();
var settingsStore = new RuleSettingsStore(dataSource);
var loads = new List<double>();
var rules = new List<double>();
RuleEvaluation? evaluation = null;
for (var i = 0; i < 3; i++)
{
    clock.Restart();
    var snapshot = await snapshots.LoadAsync(Tenant, CancellationToken.None);
    loads.Add(clock.Elapsed.TotalSeconds);
    var settings = await settingsStore.LoadAsync(Tenant, CancellationToken.None);
    clock.Restart();
    evaluation = engine.Evaluate(new RuleContext(snapshot, snapshot.Meta.AsOf, settings));
    rules.Add(clock.Elapsed.TotalSeconds);
    snapshot = null;
    Collect();
}
var load = Median(loads);
var rule = Median(rules);
var perRule = await TimeRulesAsync(snapshots, settingsStore, engine);

// (3) Incremental: change one invoice of a project, then evaluate that project.
Console.WriteLine($"incremental phase starts: {CallTrace.GcMode()}");
var afterChangeTrace = new CallTrace("after a change");
var unchangedTrace = new CallTrace("nothing changed");
var logOffset = options.Trace ? new FileInfo(server.LogFile).Length : 0;
if (options.Trace) await ExecuteAsync(dataSource, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()");
using var sampling = new CancellationTokenSource();
var waits = options.Trace ? WaitSampler.RunAsync(server.ConnectionString, sampling.Token) : Task.FromResult(new Dictionary<string, int>());
var projectTimes = new List<double>();
var changeTimes = new List<double>();
var importTimes = new List<double>();
var incrementalChanged = 0;
var incrementalSteps = new List<EvaluationTimings>();
foreach (var project in warmUpProjects) await evaluator.EvaluateProjectAsync(Tenant, project, CancellationToken.None);
foreach (var invoice in incremental)
{
    // The first change always goes through the product's import path (a 1-invoice re-import),
    // so its cost is on record; the rest use --change (direct SQL by default).
    var viaImport = options.ImportChange || importTimes.Count == 0;
    var newBalance = invoice.Balance == 0m ? invoice.Total : 0m;
    clock.Restart();
    if (viaImport)
    {
        var changed = invoice with { Balance = newBalance, Status = newBalance == 0m ? InvoiceStatus.Paid : InvoiceStatus.Open };
        await new LedgerImporter(dataSource).ImportAsync(Tenant, new LedgerBatch
        {
            Meta = meta,
            PresentSheets = new HashSet<string>(StringComparer.Ordinal) { LedgerSheets.Meta, LedgerSheets.Invoices },
            Invoices = [changed],
        });
    }
    else
    {
        await using var update = dataSource.CreateCommand(
            "UPDATE invoices SET balance = $3, status = $4::invoice_status, updated_at = now() WHERE tenant_id = $1 AND invoice_id = $2");
        update.Parameters.Add(new NpgsqlParameter { Value = Tenant });
        update.Parameters.Add(new NpgsqlParameter { Value = invoice.InvoiceId });
        update.Parameters.Add(new NpgsqlParameter { Value = newBalance });
        update.Parameters.Add(new NpgsqlParameter { Value = newBalance == 0m ? "paid" : "open" });
        await update.ExecuteNonQueryAsync();
    }
    (viaImport ? importTimes : changeTimes).Add(clock.Elapsed.TotalMilliseconds);
    var gc = CallTrace.Mark();
    clock.Restart();
    var result = await evaluator.EvaluateProjectAsync(Tenant, invoice.ProjectId!, CancellationToken.None);
    projectTimes.Add(clock.Elapsed.TotalMilliseconds);
    afterChangeTrace.Add(clock.Elapsed.TotalMilliseconds, result.Timings, gc);
    incrementalSteps.Add(result.Timings);
    incrementalChanged += result.Changed;
}
var totalRss = PeakRss.Read();
await sampling.CancelAsync();
var waitSamples = await waits;

// The incremental split: the same projects again (nothing changed since), steps timed apart.
var sliceLoads = new List<double>();
var settingsLoads = new List<double>();
var sliceRules = new List<double>();
var sliceInvoices = new List<double>();
var unchangedTimes = new List<double>();
foreach (var invoice in incremental)
{
    var gc = CallTrace.Mark();
    clock.Restart();
    var again = await evaluator.EvaluateProjectAsync(Tenant, invoice.ProjectId!, CancellationToken.None);
    unchangedTimes.Add(clock.Elapsed.TotalMilliseconds);
    unchangedTrace.Add(clock.Elapsed.TotalMilliseconds, again.Timings, gc);
    clock.Restart();
    var slice = await snapshots.LoadProjectAsync(Tenant, invoice.ProjectId!, CancellationToken.None);
    sliceLoads.Add(clock.Elapsed.TotalMilliseconds);
    clock.Restart();
    var settings = await settingsStore.LoadAsync(Tenant, CancellationToken.None);
    settingsLoads.Add(clock.Elapsed.TotalMilliseconds);
    clock.Restart();
    engine.Evaluate(new RuleContext(slice, slice.Meta.AsOf, settings));
    sliceRules.Add(clock.Elapsed.TotalMilliseconds);
    sliceInvoices.Add(slice.Invoices.Count);
}

Console.WriteLine();
Console.WriteLine($"| measure ({options.Invoices:N0} invoices, {options.Projects:N0} projects) | value |");
Console.WriteLine("|---|---|");
Console.WriteLine(string.Create(ci, $"| floor: `{floorQuery}` (warm, median of 3; runs {string.Join(" / ", floorRuns.Select(r => r.ToString("0.000", ci)))} s) | {floor:0.000} s |"));
Console.WriteLine(string.Create(ci, $"| full evaluation, 1st run ({first.Opened:N0} opened, {first.Rules.Findings.Count:N0} findings) | {firstTime:0.00} s = {firstTime / floor:0.0}× floor |"));
Console.WriteLine(string.Create(ci, $"| full evaluation, 2nd run ({second.Unchanged:N0} unchanged, {second.Changed:N0} changed) | {secondTime:0.00} s = {secondTime / floor:0.0}× floor |"));
Console.WriteLine(string.Create(ci, $"| full evaluation, warm (runs 2-4, nothing changed, median; runs {string.Join(" / ", warmRuns.Select(r => r.ToString("0.000", ci)))} s) | {warm:0.000} s = {warm / floor:0.0}× floor (goal ≤ 3×) |"));
Console.WriteLine(string.Create(ci, $"| · screened read (ScreenedLedgerLoader.LoadAsync, median of 3): {screenedRead!.WholeProjectCount:N0} projects whole, {screenedRead.Snapshot.Invoices.Count:N0} invoices, {screenedRead.Snapshot.Payments.Count:N0} payments, {screenedRead.Snapshot.PaymentApplications.Count:N0} applications, {screenedRead.Snapshot.Retainage.Count:N0} holds | {Median(screenedLoads):0.000} s |"));
Console.WriteLine(string.Create(ci, $"| · its steps, last of the 3 (ms) | {string.Join(", ", screenedRead.Steps.Select(s => $"{s.Step} {s.Took.TotalMilliseconds:0.0}"))} |"));
Console.WriteLine(string.Create(ci, $"| · rules over the screened read (median of 3) | {Median(screenedRules):0.000} s |"));
Console.WriteLine(string.Create(ci, $"| whole-ledger evaluation (EvaluateTenantWholeAsync, the reference), after the screened runs: {whole.Changed:N0} changed (must be 0), {whole.Unchanged:N0} unchanged | {wholeTime:0.00} s = {wholeTime / floor:0.0}× floor, client CPU {wholeCpu:0.00} s |"));
Console.WriteLine(string.Create(ci, $"| · its whole-ledger load (LedgerSnapshotStore.LoadAsync, median of 3) | {load:0.00} s |"));
Console.WriteLine(string.Create(ci, $"| · its rules over the whole ledger (RuleEngine.Evaluate, {engine.Rules.Count} rules, {evaluation!.Skipped.Count} skipped, median of 3) | {rule:0.00} s |"));
Console.WriteLine(string.Create(ci, $"| · 1st run's own steps (ExceptionEvaluation.Timings) | {Steps(first.Timings)} |"));
Console.WriteLine(string.Create(ci, $"| · 2nd run's own steps | {Steps(second.Timings)} |"));
Console.WriteLine(string.Create(ci, $"| client CPU (user + system) of the 1st / 2nd run | {firstCpu:0.00} s / {secondCpu:0.00} s |"));
Console.WriteLine(string.Create(ci, $"| machine load average (1 min) at the end | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |"));
Console.WriteLine(string.Create(ci, $"| peak RSS (VmHWM), 1st run / runs 1-4 (after import, reset at {baselineRss / 1048576.0:0} MB) | {firstRss / 1048576.0:0} MB / {fullRss / 1048576.0:0} MB |"));
Console.WriteLine(string.Create(ci, $"| incremental: the change, 1-invoice re-import through LedgerImporter ({importTimes.Count}×), p50 | {Percentile(importTimes, 50):0.0} ms |"));
if (changeTimes.Count > 0) Console.WriteLine(string.Create(ci, $"| incremental: the change, direct SQL UPDATE ({changeTimes.Count}×), p50 | {Percentile(changeTimes, 50):0.0} ms |"));
Console.WriteLine(string.Create(ci, $"| incremental: EvaluateProjectAsync × {projectTimes.Count} projects (after {warmUpProjects.Count} unmeasured warm-up calls on others), p50 / p95 / p99 / max | {Percentile(projectTimes, 50):0.0} / {Percentile(projectTimes, 95):0.0} / {Percentile(projectTimes, 99):0.0} / {projectTimes.Max():0.0} ms (goal p99 ≤ 10 ms) |"));
Console.WriteLine(string.Create(ci, $"| · its steps, p50 / p99 (ms): load {StepPercentiles(incrementalSteps, t => t.Load)}, settings {StepPercentiles(incrementalSteps, t => t.Settings)}, rules {StepPercentiles(incrementalSteps, t => t.Rules)}, states {StepPercentiles(incrementalSteps, t => t.States)}, plan {StepPercentiles(incrementalSteps, t => t.Plan)}, apply {StepPercentiles(incrementalSteps, t => t.Apply)} |"));
Console.WriteLine(string.Create(ci, $"| incremental: exceptions changed over all calls | {incrementalChanged:N0} |"));
Console.WriteLine(string.Create(ci, $"| incremental: EvaluateProjectAsync again, nothing changed, p50 / p95 / p99 | {Percentile(unchangedTimes, 50):0.0} / {Percentile(unchangedTimes, 95):0.0} / {Percentile(unchangedTimes, 99):0.0} ms |"));
Console.WriteLine(string.Create(ci, $"| · slice load (LoadProjectAsync, {Percentile(sliceInvoices, 50):0} invoices in the median slice), p50 / p99 | {Percentile(sliceLoads, 50):0.0} / {Percentile(sliceLoads, 99):0.0} ms |"));
Console.WriteLine(string.Create(ci, $"| · settings (RuleSettingsStore.LoadAsync), p50 / p99 | {Percentile(settingsLoads, 50):0.0} / {Percentile(settingsLoads, 99):0.0} ms |"));
Console.WriteLine(string.Create(ci, $"| · rules on the slice, p50 / p99 | {Percentile(sliceRules, 50):0.0} / {Percentile(sliceRules, 99):0.0} ms |"));
Console.WriteLine(string.Create(ci, $"| peak RSS (VmHWM) at the end | {totalRss / 1048576.0:0} MB |"));
Console.WriteLine();
Console.WriteLine($"Incremental calls and the .NET GC (ExceptionEvaluation.Timings beside the wall time); at the end: {CallTrace.GcMode()}");
foreach (var line in afterChangeTrace.Report(10).Concat(unchangedTrace.Report(10))) Console.WriteLine(line);
if (options.Trace)
{
    var traceFile = Path.GetFullPath("evaluation-trace.log");
    Console.WriteLine($"Server during the incremental phase (--trace: statements over 5 ms with their plans, checkpoints, autovacuum; whole log in {traceFile}):");
    foreach (var line in TraceLog(server.LogFile, logOffset, traceFile)) Console.WriteLine("  " + line);
    Console.WriteLine("pg_stat_activity of the other backends, sampled every 10 ms while the incremental calls ran (state / wait):");
    foreach (var (wait, count) in waitSamples.OrderByDescending(w => w.Value)) Console.WriteLine(string.Create(ci, $"  {count,7} {wait}"));
    Console.WriteLine("pg_stat_statements over both incremental passes (and the side measures), by total time: calls, plans, mean plan / mean exec / max exec ms, blocks read, I/O ms, statement");
    await using var top = dataSource.CreateCommand("""
        SELECT calls, plans, total_plan_time / greatest(plans, 1), mean_exec_time, max_exec_time, shared_blks_read, blk_read_time,
               left(regexp_replace(query, '\s+', ' ', 'g'), 50) || ' … ' || left(substr(regexp_replace(query, '\s+', ' ', 'g'), greatest(strpos(regexp_replace(query, '\s+', ' ', 'g'), ' FROM '), 51)), 90)
        FROM pg_stat_statements ORDER BY total_plan_time + total_exec_time DESC LIMIT 30
        """);
    await using var rows = await top.ExecuteReaderAsync();
    while (await rows.ReadAsync())
    {
        Console.WriteLine(string.Create(ci, $"  {rows.GetInt64(0),6} {rows.GetInt64(1),6} {rows.GetDouble(2),7:0.000} {rows.GetDouble(3),7:0.000} {rows.GetDouble(4),8:0.0} {rows.GetInt64(5),7} {rows.GetDouble(6),7:0.0}  {rows.GetString(7)}"));
    }
}
Console.WriteLine();
Console.WriteLine("Rules by time (one run on a fresh snapshot), findings:");
foreach (var (id, seconds, findings) in perRule.OrderByDescending(r => r.Seconds))
{
    Console.WriteLine(string.Create(ci, $"  {id,-32} {seconds * 1000,9:0.0} ms  {findings,9:N0}"));
}
if (options.LogSlow)
{
    Console.WriteLine();
    Console.WriteLine("Statements over 200 ms (server log):");
    foreach (var line in File.ReadLines(server.LogFile).Where(l => l.Contains("duration:", StringComparison.Ordinal)))
    {
        Console.WriteLine("  " + (line.Length > 260 ? line[..260] + "…" : line));
    }
}
return;

static double Median(List<double> values) => Percentile(values, 50);

static IEnumerable<string> TraceLog(string logFile, long offset, string copy)
{
    using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    stream.Seek(offset, SeekOrigin.Begin);
    using var reader = new StreamReader(stream);
    using var writer = new StreamWriter(copy);
    var lines = new List<string>();
    while (reader.ReadLine() is { } line)
    {
        writer.WriteLine(line);
        if (line.Contains("duration:", StringComparison.Ordinal) || line.Contains("checkpoint", StringComparison.Ordinal) || line.Contains("automatic", StringComparison.Ordinal))
        {
            lines.Add(line.Length > 220 ? line[..220] + "…" : line);
        }
    }
    return lines.Count <= 40 ? lines : [.. lines.Take(40), $"… {lines.Count - 40} more"];
}

static string Steps(EvaluationTimings t) => string.Create(CultureInfo.InvariantCulture,
    $"load {t.Load.TotalSeconds:0.000} s, settings {t.Settings.TotalSeconds:0.000} s, rules {t.Rules.TotalSeconds:0.000} s, states {t.States.TotalSeconds:0.000} s, plan {t.Plan.TotalSeconds:0.000} s, apply {t.Apply.TotalSeconds:0.000} s");

static string StepPercentiles(List<EvaluationTimings> all, Func<EvaluationTimings, TimeSpan> step)
{
    var values = all.Select(t => step(t).TotalMilliseconds).ToList();
    return string.Create(CultureInfo.InvariantCulture, $"{Percentile(values, 50):0.0} / {Percentile(values, 99):0.0}");
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.OrderBy(v => v).ToList();
    var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

static async Task<double> TimeQueryAsync(NpgsqlDataSource dataSource, string sql)
{
    var clock = Stopwatch.StartNew();
    await using var command = dataSource.CreateCommand(sql);
    command.Parameters.Add(new NpgsqlParameter { Value = Tenant });
    await using var reader = await command.ExecuteReaderAsync();
    var rows = 0;
    while (await reader.ReadAsync()) rows++;
    return clock.Elapsed.TotalSeconds;
}

static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    await command.ExecuteNonQueryAsync();
}

static async Task<List<(string Id, double Seconds, int Findings)>> TimeRulesAsync(LedgerSnapshotStore snapshots, RuleSettingsStore settingsStore, RuleEngine engine)
{
    var snapshot = await snapshots.LoadAsync(Tenant, CancellationToken.None);
    var settings = await settingsStore.LoadAsync(Tenant, CancellationToken.None);
    var result = new List<(string, double, int)>();
    foreach (var rule in engine.Rules)
    {
        var single = new RuleEngine([rule]);
        var clock = Stopwatch.StartNew();
        var evaluation = single.Evaluate(new RuleContext(snapshot, snapshot.Meta.AsOf, settings));
        result.Add((rule.Id, clock.Elapsed.TotalSeconds, evaluation.Findings.Count));
    }
    return result;
}

static void Collect()
{
    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
}

public partial class Program
{
    // --trace: the server logs what could make an incremental call wait (statements over 5 ms,
    // checkpoints, autovacuum and autoanalyze, I/O timing) so the tail can be matched with it.
    private static readonly Dictionary<string, string> TraceSettings = new()
    {
        ["log_min_duration_statement"] = "5",
        ["log_checkpoints"] = "on",
        ["log_autovacuum_min_duration"] = "0",
        ["track_io_timing"] = "on",
        ["log_line_prefix"] = "'%m [%p] '",
        ["shared_preload_libraries"] = "pg_stat_statements,auto_explain",
        ["auto_explain.log_min_duration"] = "3",
        ["auto_explain.log_analyze"] = "on",
        ["auto_explain.log_timing"] = "off",
        ["auto_explain.log_buffers"] = "on",
        ["pg_stat_statements.track"] = "all",
        ["pg_stat_statements.track_planning"] = "on",
    };
}
