// Digest fan-out through the durable outbox (issue 7's benchmark). 1,000 Slack channels each
// subscribed to a morning digest of 10 exception cards: the cards are composed with
// ExceptionCardBuilder, rendered to the outbox's JSON and enqueued per subscription in its own
// transaction (digest_deliveries keys), timed. Then OutboxDispatcher delivers them to a loopback
// platform that enforces Slack's 1 message/s/channel with 429 + Retry-After, and the same for a
// Teams-shaped run (7/s per conversation, 30 RPS per tenant). Throughput is reported as a
// fraction of what the published limits allow for the same messages.
using System.Diagnostics;
using System.Globalization;
using Allometry.Benchmarks.Outbox;
using Allometry.Bot.Outbox;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Migrations;
using Allometry.Core.Postgres.Outbox;
using Allometry.Core.Postgres.Server;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Rules;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

var ci = CultureInfo.InvariantCulture;
int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], ci) : fallback;
}
var channels = Arg("--channels", 1000);
var cardsPerChannel = Arg("--cards", 10);
var teamsRealms = Arg("--teams-realms", 5);
var teamsConversations = Arg("--teams-conversations", 40);
Console.WriteLine(string.Create(ci, $"OutboxBenchmark: {channels:N0} Slack channels × {cardsPerChannel} cards; Teams {teamsRealms} tenants × {teamsConversations} conversations × {cardsPerChannel} cards; {Environment.ProcessorCount} CPUs, .NET {Environment.Version}"));

var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Allometry") ?? Environment.GetEnvironmentVariable("ALLOMETRY_DB");
await using var server = configured is null ? await PostgresServer.StartAsync(PostgresServerOptions.ForTests()) : null;
await using var dataSource = NpgsqlDataSource.Create(configured ?? server!.ConnectionString);
await new Migrator(dataSource).MigrateAsync();
var store = new OutboxStore(dataSource, TimeProvider.System);
await using (var connection = await dataSource.OpenConnectionAsync())
{
    await connection.ExecuteAsync("TRUNCATE outbox, message_map, digest_deliveries");
    await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES ('bench', 'Bench') ON CONFLICT DO NOTHING");
}

// 1. Compose, render, enqueue.
var subscriptions = await SubscribeAsync(dataSource, channels);
var inputs = Enumerable.Range(1, cardsPerChannel).Select(Input).ToList();
var clock = Stopwatch.StartNew();
var today = new DateOnly(2026, 11, 23);
var enqueued = 0;
await Parallel.ForEachAsync(subscriptions, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (subscription, ct) =>
{
    var language = subscription.Id % 3 == 0 ? Language.Fr : Language.En;
    var cards = inputs.Select(i => ExceptionCardBuilder.Build(i, null, new CardViewer(Role.Finance, language))).ToList();
    await using var scope = await TenantScope.BeginAsync(dataSource, "bench", ct);
    var queued = await store.EnqueueDigestCardsAsync(scope.Connection, scope.Transaction, new DigestDelivery("bench", subscription.Id, today),
        new ChannelAddress(Platform.Slack, "T0BENCH", subscription.Channel), cards, ct);
    await scope.CommitAsync(ct);
    Interlocked.Add(ref enqueued, queued);
});
var enqueueSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(ci, $"enqueue: {enqueued:N0} cards composed, rendered and enqueued in {enqueueSeconds:0.00} s ({enqueued / enqueueSeconds:N0} cards/s; goal ≤ 5 s)"));

// 2. Deliver to a Slack-shaped platform.
var slack = await RunAsync(Platform.Slack, perConversation: 1, perRealm: null, expected: enqueued, conversations: channels);

// 3. A Teams-shaped run: per-tenant 30 RPS dominates.
await using (var connection = await dataSource.OpenConnectionAsync())
await using (var transaction = await connection.BeginTransactionAsync())
{
    for (var r = 0; r < teamsRealms; r++)
        for (var c = 0; c < teamsConversations; c++)
            for (var n = 0; n < cardsPerChannel; n++)
                await store.EnqueueAsync(connection, transaction, new OutboxMessage
                {
                    TenantId = "bench", Address = new ChannelAddress(Platform.Teams, $"entra-{r}", $"19:c{c}@thread.tacv2", "https://smba.example/"),
                    Card = ExceptionCardBuilder.Build(inputs[n], null, new CardViewer(Role.Finance, Language.En)), DedupeKey = $"teams:{r}:{c}:{n}",
                }, CancellationToken.None);
    await transaction.CommitAsync();
}
var teams = await RunAsync(Platform.Teams, perConversation: 7, perRealm: 30, expected: teamsRealms * teamsConversations * cardsPerChannel,
    conversations: teamsRealms * teamsConversations, realms: teamsRealms);
return enqueueSeconds <= 5 && slack >= 0.9 && teams >= 0.9 ? 0 : 1;

async Task<double> RunAsync(Platform platform, double perConversation, double? perRealm, int expected, int conversations, int realms = 1)
{
    await using var fake = await RateLimitedPlatform.StartAsync(perConversation, perRealm);
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = fake.BaseAddress };
    var dispatcher = new OutboxDispatcher(store, [new HttpBenchChannel(platform, http)], new OutboxDispatcherOptions(), TimeProvider.System,
        NullLogger<OutboxDispatcher>.Instance);
    var run = Stopwatch.StartNew();
    await dispatcher.StartAsync(CancellationToken.None);
    while (fake.Accepted.Count < expected && run.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(100);
    var elapsed = run.Elapsed;
    await dispatcher.StopAsync(CancellationToken.None);
    var accepted = fake.Accepted.ToList();
    var first = accepted.Min(a => a.At);
    var last = accepted.Max(a => a.At);
    // What the published limits allow for the same messages: each conversation's n messages need
    // (n-1)/rate seconds, a realm's m messages (m-1)/realm-rate; the slowest of them bounds the run.
    var perKey = accepted.GroupBy(a => a.Conversation).Max(g => g.Count());
    var ideal = (perKey - 1) / perConversation;
    if (perRealm is { } rps) ideal = Math.Max(ideal, (expected / (double)realms - 1) / rps);
    var fraction = ideal / (last - first).TotalSeconds;
    Console.WriteLine(string.Create(ci,
        $"{platform}: {accepted.Count:N0}/{expected:N0} delivered over {conversations:N0} conversations in {(last - first).TotalSeconds:0.00} s (first post after {first.TotalSeconds:0.00} s, all done at {elapsed.TotalSeconds:0.00} s), {accepted.Count / (last - first).TotalSeconds:N0} msg/s; the limits allow it in {ideal:0.00} s → {fraction:P1} of the published limits (goal ≥ 90 %); 429s: {fake.Throttled}"));
    return fraction;
}

static async Task<IReadOnlyList<(long Id, string Channel)>> SubscribeAsync(NpgsqlDataSource dataSource, int channels)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    var rows = await connection.QueryAsync<(long, string)>("""
        INSERT INTO digest_subscriptions (tenant_id, kind, platform, realm, conversation_id, local_time, time_zone)
        SELECT 'bench', 'morning', 'slack', 'T0BENCH', 'C' || lpad(n::text, 5, '0'), '07:30', 'America/Toronto'
        FROM generate_series(1, @channels) AS n
        RETURNING subscription_id, conversation_id
        """, new { channels });
    return [.. rows];
}

static ExceptionCardInput Input(int n) => new()
{
    ExceptionId = n,
    Version = 1,
    RuleId = "DepositShort",
    Severity = Severity.High,
    AmountAtRisk = 1234.56m * n,
    Title = new LocalizedText($"Deposit short on project PRJ-{n}", $"Acompte insuffisant sur le projet PRJ-{n}"),
    Detail = new LocalizedText("The deposit received is below the contract's 10 %.", "L'acompte reçu est inférieur aux 10 % du contrat."),
    SuggestedAction = new LocalizedText("Call the payer before work starts.", "Appeler le payeur avant le début des travaux."),
    Status = ExceptionStatus.Open,
    PayerId = $"P-{n}",
    PayerName = $"Payer {n}",
    ProjectId = $"PRJ-{n}",
    FirstSeenOn = new DateOnly(2026, 11, 1),
};
