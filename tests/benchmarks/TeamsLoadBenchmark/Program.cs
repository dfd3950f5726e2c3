// Load test of the Teams channel on loopback, in one process and one run:
//   1. a bare ASP.NET endpoint that returns what /api/messages returns for a message (200, empty body);
//   2. "what's owed on project X" through /api/messages: JWT validation (RS256 against the cached JWKS),
//      endorsement and serviceurl checks, parse, acknowledge; then the real ConversationService on
//      PostgreSQL answers, the card is rendered and posted back to the fake connector.
// Open loop: request i is due at start + i / rate whatever happened before it, and latency is measured
// from when it was due (no coordinated omission). Prints p50/p95/p99/max of the HTTP acknowledgement for
// both endpoints and of the reply's arrival at the connector. See README.md.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams;
using Allometry.Benchmarks.TeamsLoad;
using Allometry.Core.Ledger;
using Allometry.Core.People;
using Allometry.Core.Postgres;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Migrations;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Server;
using Allometry.Core.Sample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

var ci = CultureInfo.InvariantCulture;
int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], ci) : fallback;
}
var rate = Arg("--rate", 200);
var seconds = Arg("--seconds", 60);
var warmupSeconds = Arg("--warmup", 5);
var workers = Arg("--workers", 8);
Console.WriteLine(string.Create(ci, $"TeamsLoadBenchmark: {rate} req/s for {seconds} s per endpoint after {warmupSeconds} s warm-up, {workers} Teams workers, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}"));

// The sample operator's ledger and people in a private PostgreSQL; the finance lead linked as a Teams user.
const string Tenant = "bench";
var realm = Guid.NewGuid().ToString();
await using var server = await PostgresServer.StartAsync(PostgresServerOptions.ForTests());
await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
await new Migrator(dataSource).MigrateAsync();
var sample = SampleOperatorGenerator.Generate(seed: 1);
await new LedgerImporter(dataSource).ImportAsync(Tenant, sample.ToBatch(), CancellationToken.None);
var users = new UserStore(dataSource);
var people = await SampleUsers.SeedAsync(users, Tenant, CancellationToken.None);
var finance = people.First(p => p.RoleIn(Tenant) == Role.Finance);
var aad = Guid.NewGuid().ToString();
await new ChatRealmStore(dataSource).BindAsync(Tenant, Platform.Teams, realm, "bench", CancellationToken.None);
await users.LinkDirectAsync(Tenant, new PlatformIdentity(Platform.Teams, realm, aad), finance.UserId, CancellationToken.None);
var projects = sample.Invoices.Where(i => i.ProjectId is not null && i.Status != InvoiceStatus.Void && i.Balance != 0m)
    .GroupBy(i => i.ProjectId!).Select(g => (Id: g.Key, Owed: g.Sum(i => i.Balance))).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();

await using var fake = await BotFrameworkFake.StartAsync();
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Teams:AppId"] = BotFrameworkFake.AppId,
    ["Teams:AppPassword"] = "bench-secret",
    ["Teams:OpenIdMetadataUrl"] = fake.BaseUrl + "openid",
    ["Teams:TokenEndpoint"] = fake.BaseUrl + "{tenant}/token",
    ["Teams:ConnectorAllowedHosts:0"] = "127.0.0.1",
    ["Teams:Workers"] = workers.ToString(ci),
});
builder.Services.AddSingleton(dataSource);
builder.Services.AddAllometryPostgres();
builder.Services.AddTeams(builder.Configuration);
var app = builder.Build();
app.MapTeamsEndpoints();
// The baseline: same route shape, same response bytes (200, no body), no work.
app.MapPost("/bare", (HttpContext context) => { context.Response.StatusCode = 200; return Task.CompletedTask; });
await app.StartAsync();
var botUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = botUrl,
    Timeout = TimeSpan.FromSeconds(30),
};
var token = "Bearer " + fake.Token();

string Activity(string id, string project) => new JsonObject
{
    ["type"] = "message", ["channelId"] = "msteams", ["id"] = id, ["serviceUrl"] = fake.ServiceUrl,
    ["text"] = $"<at>Allometry</at>what's owed on {project}?", ["textFormat"] = "plain", ["locale"] = "en-US",
    ["from"] = new JsonObject { ["id"] = "29:bench-user", ["name"] = finance.Name, ["aadObjectId"] = aad },
    ["recipient"] = new JsonObject { ["id"] = "28:" + BotFrameworkFake.AppId, ["name"] = "Allometry" },
    ["conversation"] = new JsonObject { ["id"] = "a:bench-chat", ["conversationType"] = "personal", ["tenantId"] = realm },
    ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = realm } },
}.ToJsonString();

async Task<(List<double> Ack, List<(string Id, long Due)> Sent, int Errors)> RunAsync(string path, string prefix, int total, bool measure)
{
    var ack = new List<double>(total);
    var sent = new List<(string, long)>(total);
    var errors = 0;
    var tasks = new List<Task>(total);
    var start = Stopwatch.GetTimestamp();
    var ticksPerRequest = Stopwatch.Frequency / (double)rate;
    for (var i = 0; i < total; i++)
    {
        var due = start + (long)(i * ticksPerRequest);
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
        while (Stopwatch.GetTimestamp() < due) Thread.SpinWait(20);
        var id = prefix + i.ToString(ci);
        var project = projects[i % projects.Count].Id;
        if (measure) sent.Add((id, due));
        tasks.Add(Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Activity(id, project), Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("Authorization", token);
            try
            {
                using var response = await http.SendAsync(request);
                var elapsed = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                lock (ack)
                {
                    if (!response.IsSuccessStatusCode) errors++;
                    else if (measure) ack.Add(elapsed);
                }
            }
            catch (HttpRequestException)
            {
                lock (ack) errors++;
            }
        }));
    }
    await Task.WhenAll(tasks);
    return (ack, sent, errors);
}

static string Percentiles(List<double> values)
{
    if (values.Count == 0) return "no samples";
    values.Sort();
    double P(double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"p50 {P(0.50):0.00} ms, p95 {P(0.95):0.00} ms, p99 {P(0.99):0.00} ms, max {values[^1]:0.00} ms ({values.Count} samples)");
}

var total = rate * seconds;
var warm = rate * warmupSeconds;
await RunAsync("bare", "warm-bare-", warm, measure: false);
var bare = await RunAsync("bare", "bare-", total, measure: true);
Console.WriteLine($"bare endpoint, HTTP 200:           {Percentiles(bare.Ack)}; errors {bare.Errors}");

await RunAsync("api/messages", "warm-bot-", warm, measure: false);
var bot = await RunAsync("api/messages", "bot-", total, measure: true);
Console.WriteLine($"/api/messages, HTTP acknowledgement: {Percentiles(bot.Ack)}; errors {bot.Errors}");
// Replies are posted after the acknowledgement; give the last ones a bounded moment to arrive.
var deadline = DateTime.UtcNow.AddSeconds(30);
while (bot.Sent.Count(s => fake.Replies.ContainsKey(s.Id)) < bot.Sent.Count && DateTime.UtcNow < deadline) await Task.Delay(100);
var replies = bot.Sent.Where(s => fake.Replies.ContainsKey(s.Id)).Select(s => Stopwatch.GetElapsedTime(s.Due, fake.Replies[s.Id]).TotalMilliseconds).ToList();
Console.WriteLine($"/api/messages, answer card at the connector: {Percentiles(replies)}; missing {bot.Sent.Count - replies.Count}");

await app.StopAsync();
return bot.Errors == 0 && replies.Count == bot.Sent.Count ? 0 : 1;
