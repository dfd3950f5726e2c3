// Starts the Slack endpoints on Kestrel (127.0.0.1) with the real conversation over a private
// PostgreSQL holding the sample tenant, its workspace bound and its people linked, and a loopback
// Slack Web API. Then sends signed block_actions (Snooze 3 days on open exceptions, clicked by
// finance) at a fixed rate, open loop: each request leaves on its schedule whatever the previous
// ones are doing, so a slow acknowledgement cannot hide behind a late send. Prints p50/p95/p99/max
// from request to acknowledgement, and how much background work (Web API calls) followed.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Allometry.Adapters.Slack;
using Allometry.Adapters.Slack.Security;
using Allometry.Benchmarks.SlackAck;
using Allometry.Core.People;
using Allometry.Core.Postgres;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.Migrations;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Server;
using Allometry.Core.Sample;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
var ci = CultureInfo.InvariantCulture;
int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], ci) : fallback;
}
var rate = Arg("--rate", 200);
var seconds = Arg("--seconds", 60);
var warmupSeconds = Arg("--warmup", 5);
Console.WriteLine(string.Create(ci, $"SlackAckBenchmark: signed block_actions at {rate}/s for {seconds} s after {warmupSeconds} s warm-up, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}"));

await using var server = await PostgresServer.StartAsync(PostgresServerOptions.ForTests());
await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
await new Migrator(dataSource).MigrateAsync();
const string Tenant = "bench";
await new LedgerImporter(dataSource).ImportAsync(Tenant, SampleOperatorGenerator.Generate(seed: 1).ToBatch(), CancellationToken.None);
await new ExceptionEvaluator(dataSource, new LedgerSnapshotStore(dataSource), new RuleSettingsStore(dataSource), TimeProvider.System)
    .EvaluateTenantAsync(Tenant, null, CancellationToken.None);
var users = new UserStore(dataSource);
var people = await SampleUsers.SeedAsync(users, Tenant, CancellationToken.None);
const string Team = "TBENCH";
await new ChatRealmStore(dataSource).BindAsync(Tenant, Platform.Slack, Team, "bench", CancellationToken.None);
foreach (var person in people)
{
    await users.LinkDirectAsync(Tenant, new PlatformIdentity(Platform.Slack, Team, "U" + person.UserId), person.UserId, CancellationToken.None);
}
var clicker = "U" + people.First(p => p.RoleIn(Tenant) == Role.Finance).UserId;
List<(long Id, int Version)> exceptions;
await using (var connection = await dataSource.OpenConnectionAsync())
{
    exceptions = [.. await connection.QueryAsync<(long, int)>(
        "SELECT exception_id, version FROM exceptions WHERE tenant_id = @Tenant AND status = 'open' ORDER BY exception_id", new { Tenant })];
}
Console.WriteLine(string.Create(ci, $"sample tenant ready: {exceptions.Count} open exceptions, {people.Count} people linked"));

await using var slack = await LoopbackSlack.StartAsync();
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Slack:SigningSecrets:0"] = Secret,
    ["Slack:BotToken"] = "xoxb-bench",
    ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
    ["Slack:QueueCapacity"] = "20000",
});
builder.Services.AddSingleton(dataSource);
builder.Services.AddAllometryPostgres();
builder.Services.AddSlack(builder.Configuration);
await using var app = builder.Build();
app.MapSlackEndpoints();
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
var interactivity = new Uri(address, SlackSurface.InteractivityPath);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
var sequence = 0L;
HttpRequestMessage Click()
{
    var n = Interlocked.Increment(ref sequence);
    var (id, version) = exceptions[(int)(n % exceptions.Count)];
    var payload = new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = clicker, ["username"] = "finance", ["team_id"] = Team },
        ["api_app_id"] = "A0BENCH",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1763700000.000100", ["channel_id"] = "C0FINANCE", ["is_ephemeral"] = false },
        ["trigger_id"] = string.Create(ci, $"{n}.42.bench"),
        ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "bench" },
        ["channel"] = new JsonObject { ["id"] = "C0FINANCE", ["name"] = "finance" },
        ["message"] = new JsonObject { ["ts"] = "1763700000.000100", ["blocks"] = new JsonArray() },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = "act:snooze:0", ["block_id"] = "actions", ["type"] = "button",
            ["value"] = string.Create(ci, $$"""{"verb":"snooze","exception":"{{id}}","version":"{{version}}","days":"3"}"""),
            ["action_ts"] = string.Create(ci, $"1763700000.{n:000000}"),
        }),
    };
    var body = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(ci);
    var request = new HttpRequestMessage(HttpMethod.Post, interactivity) { Content = new StringContent(body, Encoding.UTF8) };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
    request.Headers.Add(SlackSignature.TimestampHeader, ts);
    request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(Secret, ts, Encoding.UTF8.GetBytes(body)));
    return request;
}

async Task<(List<double> Latencies, int Failures)> RunAsync(int durationSeconds)
{
    var total = rate * durationSeconds;
    var latencies = new double[total];
    var failures = 0;
    var tasks = new Task[total];
    var start = Stopwatch.GetTimestamp();
    var interval = Stopwatch.Frequency / (double)rate;
    for (var i = 0; i < total; i++)
    {
        var due = start + (long)(i * interval);
        while (Stopwatch.GetTimestamp() < due)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(2))
            {
                await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
            }
        }
        var index = i;
        tasks[i] = Task.Run(async () =>
        {
            using var request = Click();
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
    }
    await Task.WhenAll(tasks);
    return ([.. latencies], failures);
}

await RunAsync(warmupSeconds);
var callsBefore = slack.Calls;
var clock = Stopwatch.StartNew();
var (measured, failed) = await RunAsync(seconds);
var sendWall = clock.Elapsed;
measured.Sort();
double P(double q) => measured[Math.Min(measured.Count - 1, (int)Math.Ceiling(q * measured.Count) - 1)];
Console.WriteLine(string.Create(ci, $"{measured.Count} acknowledgements in {sendWall.TotalSeconds:0.0} s ({measured.Count / sendWall.TotalSeconds:0} /s), {failed} not 200"));
Console.WriteLine(string.Create(ci, $"request → ack ms: p50 {P(0.50):0.00}  p95 {P(0.95):0.00}  p99 {P(0.99):0.00}  max {measured[^1]:0.00}  (goal p99 ≤ 50)"));
// Let the queued work drain, to show it was done rather than dropped.
var drain = Stopwatch.StartNew();
var lastCalls = -1L;
while (drain.Elapsed < TimeSpan.FromSeconds(120) && slack.Calls != lastCalls)
{
    lastCalls = slack.Calls;
    await Task.Delay(2000);
}
Console.WriteLine(string.Create(ci, $"background work after the acks: {slack.Calls - callsBefore} Web API calls (chat.update / chat.postEphemeral), drained {drain.Elapsed.TotalSeconds:0} s after the last send"));
Console.WriteLine("Web API calls by method: " + slack.ByMethod);
await app.StopAsync();
