// Resident memory of the real host with a 1,000,000-invoice ledger loaded (issue 7, "Benchmark").
// In one bounded run, loopback only:
//   1. GeneratedLedger (tests/Allometry.Testing, EvaluationBenchmark's generator) imported with LedgerImporter into a private PostgreSQL;
//      people, a Teams realm and K morning-digest subscriptions to Teams conversations added.
//   2. `allometry serve` (the bot's own build output) started as a child process against it, configured by
//      environment variables: scheduler on, Teams served against a loopback Bot Framework fake.
//   3. "start": until the import poll has run once and the resurfacing job, which fires at start, has evaluated
//      the tenant; then "after-start", the host at rest.
//   4. "evaluation": a one-invoice re-import through LedgerImporter; the host's evaluate-imports job then
//      evaluates the whole tenant in the host, as it does for any import not made by the CLI.
//   5. "digests": every subscription's morning digest fired by the host's scheduler (triggered through the
//      clustered job store, where `allometry jobs run` finds the jobs) and delivered by its outbox to the fake
//      connector, until all ran and the outbox is empty (bounded by --drain-timeout).
//   6. "load": questions through /api/messages at --rate for --load-seconds; one request in --action-every (10)
//      is a card click ("assign to me" on an open exception) instead, 0 for none.
//   7. "idle": nothing asked for --idle-seconds.
// VmRSS of the host is sampled every 500 ms from /proc/<pid>/status; the steady states are medians of the
// last --window seconds of "load" and "idle". See README.md.
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json.Nodes;
using Allometry.Benchmarks.Evaluation;
using Allometry.Benchmarks.HostRss;
using Allometry.Benchmarks.TeamsLoad;
using Allometry.Bot.Scheduling;
using Allometry.Core.Cards;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Migrations;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Server;
using Allometry.Testing.Ledgers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

const string Tenant = "bench";
var ci = CultureInfo.InvariantCulture;
var options = RssOptions.Parse(args);
var dll = options.HostDll ?? LocateHost();
Console.WriteLine(string.Create(ci, $"HostRssBenchmark: {options.Invoices:N0} invoices, {options.Projects:N0} projects, {options.Subscriptions} digest subscriptions, " +
    $"{options.Rate} questions/s for {options.LoadSeconds} s, {options.IdleSeconds} s idle, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}"));
Console.WriteLine($"host: {dll}");
Console.WriteLine($"host runtime settings: {RuntimeSettings(dll)}{(options.HostEnvironment.Count == 0 ? "" : "; environment " + string.Join(' ', options.HostEnvironment.Select(kv => kv.Key + "=" + kv.Value)))}");

// 1. The ledger, imported by the product's importer (payments by COPY: see PaymentCopy.cs for why).
var clock = Stopwatch.StartNew();
var ledger = GeneratedLedger.Generate(options.Invoices, options.Projects, options.Payers, options.Seed);
Console.WriteLine(string.Create(ci, $"generated in {clock.Elapsed.TotalSeconds:0.0} s: {ledger.Invoices.Count:N0} invoices, {ledger.Payments.Count:N0} payments"));
await using var server = await PostgresServer.StartAsync(PostgresServerOptions.ForTests());
// No command timeout, as in the other benchmarks: on a loaded machine the million-row statements can exceed 30 s.
var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { CommandTimeout = 0 }.ConnectionString;
await using var dataSource = NpgsqlDataSource.Create(connectionString);
await new Migrator(dataSource).MigrateAsync();
clock.Restart();
var import = await new LedgerImporter(dataSource).ImportAsync(Tenant, ledger.ToBatch(withPayments: false));
await PaymentCopy.CopyAsync(dataSource, Tenant, import.ImportId, ledger.Meta.AsOf, ledger.Payments, ledger.Applications);
await using (var vacuum = dataSource.CreateCommand("VACUUM ANALYZE")) await vacuum.ExecuteNonQueryAsync();
Console.WriteLine(string.Create(ci, $"imported with LedgerImporter (+ payments by COPY) in {clock.Elapsed.TotalSeconds:0.0} s"));
var rng = new Random(options.Seed);
var questionProjects = Enumerable.Range(0, 500).Select(_ => ledger.Projects[rng.Next(ledger.Projects.Count)].ProjectId).ToList();
var changedInvoice = ledger.Invoices[ledger.LastInvoiceOfProject[0]];
var meta = ledger.Meta;
ledger = null;
GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

// People, the Teams realm, the finance lead linked as the Teams user who asks, the digest subscriptions.
await using var fake = await BotFrameworkFake.StartAsync();
var realm = Guid.NewGuid().ToString();
var aad = Guid.NewGuid().ToString();
var users = new UserStore(dataSource);
var people = await SampleUsers.SeedAsync(users, Tenant, CancellationToken.None);
var finance = people.First(p => p.RoleIn(Tenant) == Role.Finance);
await new ChatRealmStore(dataSource).BindAsync(Tenant, Platform.Teams, realm, "rss-bench", CancellationToken.None);
await users.LinkDirectAsync(Tenant, new PlatformIdentity(Platform.Teams, realm, aad), finance.UserId, CancellationToken.None);
var subscriptionStore = new SubscriptionStore(dataSource);
var subscriptions = new List<DigestSubscription>();
for (var k = 0; k < options.Subscriptions; k++)
{
    subscriptions.Add(await subscriptionStore.AddAsync(new DigestSubscription
    {
        TenantId = Tenant, Kind = DigestKind.Morning, Language = k % 2 == 0 ? Language.En : Language.Fr,
        Channel = new ChannelAddress(Platform.Teams, realm, $"19:rss-{k}@thread.v2", fake.ServiceUrl),
        LocalTime = new TimeOnly(7, 30), TimeZone = "America/Toronto", CreatedBy = finance.Email,
    }, CancellationToken.None));
}

// 2. The host.
var home = Directory.CreateTempSubdirectory("allometry-rss-").FullName;
var environment = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["ConnectionStrings__Allometry"] = connectionString,
    ["ALLOMETRY_HOME"] = home,
    // Seconds instead of minutes so a bounded run sees the import poll and the subscription reconcile.
    ["Allometry__Scheduler__ImportPollInterval"] = "00:00:05",
    ["Allometry__Scheduler__ReconcileInterval"] = "00:00:10",
    ["Teams__AppId"] = BotFrameworkFake.AppId,
    ["Teams__AppPassword"] = "rss-bench-secret",
    ["Teams__OpenIdMetadataUrl"] = fake.BaseUrl + "openid",
    ["Teams__TokenEndpoint"] = fake.BaseUrl + "{tenant}/token",
    ["Teams__ConnectorAllowedHosts__0"] = "127.0.0.1",
};
foreach (var (key, value) in options.HostEnvironment) environment[key] = value;
int exitCode;
try
{
    await using var host = HostChild.Start(dll, environment);
    await using var sampler = new RssSampler(host.Id);
    var baseAddress = await host.WaitListeningAsync(TimeSpan.FromSeconds(120));
    var atListening = RssSampler.Read(host.Id)?.Rss ?? -1;
    Console.WriteLine(string.Create(ci, $"host pid {host.Id} listening on {baseAddress} ({atListening / 1048576.0:0} MB)"));

    // 3. Start: the import poll runs once (it takes the newest import as its mark) and the resurfacing job,
    // which fires at start and every ResurfaceInterval, evaluates every tenant; then the host at rest.
    Require(await host.WaitUntilAsync(() => host.JobRuns("system.evaluate-imports").Count > 0 && host.JobRuns("system.resurface-snoozed").Count > 0,
        TimeSpan.FromSeconds(options.EvaluationTimeoutSeconds)), host, "the import poll or the resurfacing job did not run at start");
    var startEvaluation = host.JobRuns("system.resurface-snoozed")[0];
    var startHwm = RssSampler.Read(host.Id)?.Hwm ?? -1;
    sampler.Enter("after-start");
    await Task.Delay(TimeSpan.FromSeconds(options.WindowSeconds));

    // 4. A one-invoice re-import; the host evaluates the tenant.
    sampler.Enter("evaluation");
    var polls = host.JobRuns("system.evaluate-imports").Count;
    clock.Restart();
    var newBalance = changedInvoice.Balance == 0m ? changedInvoice.Total : 0m;
    await new LedgerImporter(dataSource).ImportAsync(Tenant, new LedgerBatch
    {
        Meta = meta,
        PresentSheets = new HashSet<string>(StringComparer.Ordinal) { LedgerSheets.Meta, LedgerSheets.Invoices },
        Invoices = [changedInvoice with { Balance = newBalance, Status = newBalance == 0m ? InvoiceStatus.Paid : InvoiceStatus.Open }],
    });
    static bool Evaluated(HostChild h) => h.Lines.Any(l => l.Contains("evaluated after import", StringComparison.Ordinal));
    Require(await host.WaitUntilAsync(() => Evaluated(host) || host.JobRuns("system.evaluate-imports").Skip(polls).Any(r => r.Failed),
        TimeSpan.FromSeconds(options.EvaluationTimeoutSeconds)), host, "the host did not evaluate the import in time");
    Require(Evaluated(host), host, "the host's evaluation failed");
    var evaluationSeconds = clock.Elapsed.TotalSeconds;
    await host.WaitUntilAsync(() => host.JobRuns("system.evaluate-imports").Skip(polls).Any(r => r.ElapsedMs > 0), TimeSpan.FromSeconds(10));
    var evaluationMs = host.JobRuns("system.evaluate-imports").Skip(polls).Select(r => r.ElapsedMs).DefaultIfEmpty(0).Max();
    var evaluationHwm = RssSampler.Read(host.Id)?.Hwm ?? -1;
    sampler.Enter("after-evaluation");
    await Task.Delay(TimeSpan.FromSeconds(options.WindowSeconds));

    // 5. The morning digest of every subscription, fired by the host's scheduler and delivered by its outbox.
    sampler.Enter("digests");
    clock.Restart();
    var triggered = await TriggerDigestsAsync(dataSource, subscriptions);
    var digestsDone = await host.WaitUntilAsync(() => host.JobRuns("digests.").Count >= triggered, TimeSpan.FromSeconds(options.DrainTimeoutSeconds));
    while (await PendingOutboxAsync(dataSource) > 0 && clock.Elapsed < TimeSpan.FromSeconds(options.DrainTimeoutSeconds)) await Task.Delay(500);
    var digestSeconds = clock.Elapsed.TotalSeconds;
    var digestRuns = host.JobRuns("digests.");
    var outbox = await OutboxStatusAsync(dataSource);
    var digestHwm = RssSampler.Read(host.Id)?.Hwm ?? -1;

    // 6. Under load: questions through /api/messages.
    sampler.Enter("load");
    var openExceptions = await OpenExceptionsAsync(dataSource, Tenant, options.ActionEvery == 0 ? 0 : options.Rate * options.LoadSeconds / options.ActionEvery + 1);
    var questions = new TeamsQuestions(new Uri(baseAddress.ToString().TrimEnd('/') + "/"), fake, realm, aad, finance.Name, questionProjects, openExceptions, options.ActionEvery);
    var outcome = await questions.RunAsync(options.Rate, TimeSpan.FromSeconds(options.LoadSeconds), "q-");

    // 7. Idle.
    sampler.Enter("idle");
    await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
    var alive = !host.HasExited;

    double Mb(long bytes) => bytes / 1048576.0;
    Console.WriteLine();
    Console.WriteLine($"| host RSS ({options.Invoices:N0} invoices, {options.Projects:N0} projects) | value |");
    Console.WriteLine("|---|---|");
    Console.WriteLine(string.Create(ci, $"| at listening | {Mb(atListening):0} MB |"));
    Console.WriteLine(string.Create(ci, $"| start: resurfacing job's evaluation of the tenant ({(startEvaluation.Failed ? "failed" : "ok")}, {startEvaluation.ElapsedMs / 1000.0:0.0} s): VmHWM | {Mb(startHwm):0} MB |"));
    Console.WriteLine(string.Create(ci, $"| after start, at rest (median of {options.WindowSeconds} s) | {sampler.MedianMb("after-start", options.WindowSeconds):0} MB |"));
    Console.WriteLine(string.Create(ci, $"| evaluation after a re-import (evaluate-imports job {evaluationMs / 1000.0:0.0} s; import → evaluated {evaluationSeconds:0.0} s): highest VmRSS / VmHWM | {sampler.MaxMb("evaluation"):0} MB / {Mb(evaluationHwm):0} MB |"));
    Console.WriteLine(string.Create(ci, $"| after the evaluation, at rest (median of {options.WindowSeconds} s) | {sampler.MedianMb("after-evaluation", options.WindowSeconds):0} MB |"));
    Console.WriteLine(string.Create(ci, $"| morning digests ({triggered} triggered, {digestRuns.Count} ran, {digestRuns.Count(r => r.Failed)} failed, {(digestsDone ? "all" : "NOT all")} in {digestSeconds:0} s; outbox {outbox}): highest VmRSS / VmHWM | {sampler.MaxMb("digests"):0} MB / {Mb(digestHwm):0} MB |"));
    Console.WriteLine(string.Create(ci, $"| **steady state under load**, {options.Rate} questions/s (median of the last {options.WindowSeconds} s; highest {sampler.MaxMb("load"):0} MB) | **{sampler.MedianMb("load", options.WindowSeconds):0} MB** |"));
    Console.WriteLine(string.Create(ci, $"| **steady state idle after the workload** (median of the last {options.WindowSeconds} s) | **{sampler.MedianMb("idle", options.WindowSeconds):0} MB** |"));
    Console.WriteLine(string.Create(ci, $"| peak (VmHWM) over the run | {Mb(sampler.Peak):0} MB |"));
    Console.WriteLine(string.Create(ci, $"| questions: sent / acknowledged / answered at the connector / errors | {outcome.Sent} / {outcome.Acknowledged} / {outcome.Answered} / {outcome.Errors} |"));
    Console.WriteLine(string.Create(ci, $"| card clicks (assign to me): sent / answered with the updated card | {outcome.Actions} / {outcome.ActionsOk} |"));
    Console.WriteLine(string.Create(ci, $"| machine load average (1 min) at the end | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |"));
    Console.WriteLine();
    Console.WriteLine("Timeline (VmRSS every 5 s):");
    foreach (var group in sampler.Samples.GroupBy(s => (int)(s.At.TotalSeconds / 5)))
    {
        var last = group.Last();
        Console.WriteLine(string.Create(ci, $"  {last.At.TotalSeconds,6:0} s  {last.Phase,-17} {Mb(last.RssBytes),6:0} MB"));
    }
    exitCode = alive && outcome.Errors == 0 && outcome.Answered == outcome.Sent && outcome.ActionsOk == outcome.Actions && digestsDone && digestRuns.All(r => !r.Failed) ? 0 : 1;
}
finally
{
    Directory.Delete(home, recursive: true);
}
return exitCode;

// The bot's own build output next to this benchmark's (same configuration), so its runtimeconfig is the one measured.
static string LocateHost()
{
    var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
    var root = output;
    while (root is not null && !File.Exists(Path.Combine(root.FullName, "Allometry.Bot.sln"))) root = root.Parent;
    if (root is null) throw new InvalidOperationException("Allometry.Bot.sln not found above " + output.FullName + "; pass --host-dll");
    var dll = Path.Combine(root.FullName, "bot", "Allometry.Bot", "bin", output.Parent!.Name, output.Name, "allometry.dll");
    return File.Exists(dll) ? dll : throw new InvalidOperationException(dll + " not found; build bot/Allometry.Bot or pass --host-dll");
}

static string RuntimeSettings(string dll)
{
    var path = Path.ChangeExtension(dll, ".runtimeconfig.json");
    if (!File.Exists(path)) return "(no runtimeconfig)";
    var properties = JsonNode.Parse(File.ReadAllText(path))?["runtimeOptions"]?["configProperties"]?.AsObject();
    return properties is null ? "(none)" : string.Join(", ", properties.Where(p => p.Key.StartsWith("System.GC", StringComparison.Ordinal) || p.Key.Contains("Tiered", StringComparison.Ordinal))
        .Select(p => p.Key + "=" + p.Value?.ToJsonString()));
}

// Fires each subscription's job now through the clustered job store, as a peer instance that never starts
// (what `allometry jobs run` prepares): the host's scheduler picks the triggers up and runs the real DigestJob.
static async Task<int> TriggerDigestsAsync(NpgsqlDataSource dataSource, IReadOnlyList<DigestSubscription> subscriptions)
{
    await using var services = new ServiceCollection().AddLogging().AddSingleton(dataSource).AddSingleton(TimeProvider.System)
        .AddAllometryScheduling(new SchedulerOptions()).BuildServiceProvider();
    var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
    var deadline = Stopwatch.StartNew();
    var triggered = 0;
    foreach (var subscription in subscriptions)
    {
        var key = JobKeys.ForSubscription(subscription);
        // The host schedules new subscriptions at start and at each reconcile.
        while (await scheduler.GetJobDetail(key) is null && deadline.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(500);
        await scheduler.TriggerJob(key, new JobDataMap { [DigestJob.ManualKey] = "true" });
        triggered++;
    }
    return triggered;
}

static async Task<string> OutboxStatusAsync(NpgsqlDataSource dataSource)
{
    await using var command = dataSource.CreateCommand("SELECT status, count(*) FROM outbox GROUP BY status ORDER BY status");
    await using var reader = await command.ExecuteReaderAsync();
    var parts = new List<string>();
    while (await reader.ReadAsync()) parts.Add(reader.GetString(0) + " " + reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
    return parts.Count == 0 ? "none" : string.Join(", ", parts);
}

static async Task<List<(long Id, int Version)>> OpenExceptionsAsync(NpgsqlDataSource dataSource, string tenant, int count)
{
    await using var command = dataSource.CreateCommand("SELECT exception_id, version FROM exceptions WHERE tenant_id = $1 AND status = 'open' ORDER BY exception_id LIMIT $2");
    command.Parameters.Add(new NpgsqlParameter { Value = tenant });
    command.Parameters.Add(new NpgsqlParameter { Value = count });
    await using var reader = await command.ExecuteReaderAsync();
    var found = new List<(long, int)>();
    while (await reader.ReadAsync()) found.Add((reader.GetInt64(0), reader.GetInt32(1)));
    return found;
}

static async Task<long> PendingOutboxAsync(NpgsqlDataSource dataSource)
{
    await using var command = dataSource.CreateCommand("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')");
    return (long)(await command.ExecuteScalarAsync())!;
}

static void Require(bool condition, HostChild host, string what)
{
    if (!condition) throw new InvalidOperationException(what + ". Host's last lines:\n" + string.Join('\n', host.Lines.TakeLast(30)));
}
