// Generates a large ledger (QuestionLedger), imports it with LedgerImporter into a private
// PostgreSQL, then asks QuestionService "what's owed on project <name>" in process: a warm-up,
// then N timed questions on projects picked at random, each named by its words (fuzzy name
// resolution with pg_trgm + the balance read, all inside a TenantScope). Prints p50/p95/p99.
using System.Diagnostics;
using System.Globalization;
using Allometry.Benchmarks.Questions;
using Allometry.Core.Cards;
using Allometry.Core.People;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Migrations;
using Allometry.Core.Postgres.Questions;
using Allometry.Core.Postgres.Server;
using Allometry.Core.Questions;
using Npgsql;

const string Tenant = "bench";
var ci = CultureInfo.InvariantCulture;
int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], ci) : fallback;
}
var invoices = Arg("--invoices", 1_000_000);
var projects = Arg("--projects", invoices / 20);
var payers = Arg("--payers", Math.Max(10, invoices / 500));
var questions = Arg("--questions", 1_000);
var warmup = Arg("--warmup", 200);
var byId = args.Contains("--by-id");
Console.WriteLine(string.Create(ci, $"QuestionBenchmark: {invoices:N0} invoices, {projects:N0} projects, {payers:N0} payers, {questions:N0} questions after {warmup:N0} warm-up, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}"));

var clock = Stopwatch.StartNew();
var ledger = QuestionLedger.Generate(invoices, projects, payers, seed: 11);
Console.WriteLine(string.Create(ci, $"generated in {clock.Elapsed.TotalSeconds:0.0} s"));

await using var server = await PostgresServer.StartAsync(PostgresServerOptions.ForTests());
await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
await new Migrator(dataSource).MigrateAsync();
clock.Restart();
await new LedgerImporter(dataSource).ImportAsync(Tenant, ledger.ToBatch(), CancellationToken.None);
Console.WriteLine(string.Create(ci, $"imported with LedgerImporter in {clock.Elapsed.TotalSeconds:0.0} s"));
await using (var vacuum = dataSource.CreateCommand("VACUUM ANALYZE")) await vacuum.ExecuteNonQueryAsync();

var service = new QuestionService(dataSource);
var finance = new InternalUser
{
    UserId = 1, Email = "controller@bench.example", Name = "Controller",
    Memberships = [new TenantMembership(Tenant, Role.Finance)],
};
var rng = new Random(5);
var picks = Enumerable.Range(0, warmup + questions).Select(_ => rng.Next(ledger.Projects.Count)).ToList();
var expected = ledger.Invoices.Where(i => i.Status != Allometry.Core.Ledger.InvoiceStatus.Void && i.Balance != 0m)
    .GroupBy(i => i.ProjectId!).ToDictionary(g => g.Key, g => g.Sum(i => i.Balance), StringComparer.Ordinal);
var latencies = new List<double>(questions);
int answered = 0, choices = 0, other = 0, wrong = 0;
for (var q = 0; q < picks.Count; q++)
{
    var project = ledger.Projects[picks[q]];
    var text = byId ? $"what's owed on {project.ProjectId}" : $"what's owed on project {ledger.ProjectWords[picks[q]]}";
    var started = Stopwatch.GetTimestamp();
    var card = await service.AskAsync(Tenant, finance, text, QuestionContext.Default, CancellationToken.None);
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (q < warmup) continue;
    latencies.Add(elapsed);
    switch (card)
    {
        case AnswerCard a when a.Title.Contains(project.ProjectId, StringComparison.Ordinal):
            answered++;
            if (a.HeadlineAmount != expected.GetValueOrDefault(project.ProjectId)) wrong++;
            break;
        case ChoiceListCard: choices++; break;
        default: other++; break;
    }
}
latencies.Sort();
double P(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
Console.WriteLine(string.Create(ci, $"\"what's owed on project X\" ({(byId ? "by id" : "by name")}): p50 {P(0.50):0.00} ms, p95 {P(0.95):0.00} ms, p99 {P(0.99):0.00} ms, max {latencies[^1]:0.00} ms"));
Console.WriteLine(string.Create(ci, $"outcomes: {answered} answered ({wrong} with a wrong figure), {choices} asked to choose, {other} other"));
return wrong == 0 && other == 0 ? 0 : 1;
