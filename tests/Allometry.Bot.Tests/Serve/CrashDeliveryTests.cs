namespace Allometry.Bot.Tests.Serve;

using System.Diagnostics;
using Allometry.Bot.Scheduling;
using Allometry.Core.Cards;
using Allometry.Core.People;
using Allometry.Core.Postgres;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.Outbox;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Xunit.Abstractions;

/// <summary>
/// The crash fault test of the host: two <c>allometry serve</c> processes on one database deliver
/// the morning digest of 200 Slack channels to a loopback Slack; one is SIGKILLed while its posts
/// are landing (posts the platform accepted but the dead host never recorded), then restarted.
/// Every digest card reaches Slack exactly once: the posts it left behind are found by their post
/// key (metadata + conversations.history) and recorded, not posted again. Bounded: loopback only,
/// short leases through configuration, a minute or so end to end.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashDeliveryTests(PostgresFixture postgres, ITestOutputHelper output) : IDisposable
{
    private const int Channels = 200;
    private const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Zone = "America/Toronto";
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-crash-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Dictionary<string, string> Environment(TestDatabase database, LoopbackSlackApi slack, string instance) => new()
    {
        ["ConnectionStrings__Allometry"] = database.ConnectionString,
        ["ALLOMETRY_HOME"] = _home,
        ["Allometry__Scheduler__ReconcileInterval"] = "00:10:00",
        ["Allometry__Scheduler__ImportPollInterval"] = "00:10:00",
        ["Allometry__Scheduler__ResurfaceInterval"] = "00:10:00",
        ["Slack__BotToken"] = "xoxb-" + instance,
        ["Slack__SigningSecrets__0"] = SigningSecret,
        ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
        ["Outbox__InstanceName"] = instance,
        // Short leases so a dead host's cards are taken over within seconds; a few calls at once
        // per host so deliveries flow for a while instead of landing in one burst.
        ["Outbox__Lease"] = "00:00:05",
        ["Outbox__SendTimeout"] = "00:00:02",
        ["Outbox__PacingHorizon"] = "00:00:01",
        ["Outbox__MaxConcurrentSends"] = "4",
        ["Outbox__MaxInFlight"] = "8",
        ["Outbox__BatchSize"] = "8",
        ["Outbox__PollInterval"] = "00:00:00.100",
    };

    [Fact]
    public async Task Serve_HostKilledMidDigestAndRestarted_EveryCardDeliveredExactlyOnce()
    {
        // Arrange: a tenant with exceptions, 200 Slack channels subscribed to its morning digest, two hosts.
        var clock = Stopwatch.StartNew();
        await using var database = await postgres.CreateDatabaseAsync();
        var tenant = await SeedTenantAsync(database);
        var subscriptions = await SubscribeAsync(database, tenant);
        await using var slack = await LoopbackSlackApi.StartAsync(TimeSpan.FromMilliseconds(300));
        await using var victim = HostProcess.Start(Environment(database, slack, "host-a"));
        await using var survivor = HostProcess.Start(Environment(database, slack, "host-b"));
        await victim.WaitListeningAsync(TimeSpan.FromSeconds(90));
        await survivor.WaitListeningAsync(TimeSpan.FromSeconds(90));
        await using var jobs = DigestRunner(database);
        output.WriteLine($"{clock.Elapsed}: seeded {subscriptions.Count} subscriptions, both hosts listening");

        // Act: the digest fires for every subscription (the real job, run as `allometry jobs run digest` does)…
        var digests = RunDigestsAsync(jobs, tenant, subscriptions);
        // …and while the hosts deliver, host A dies with posts that Slack accepted but it never recorded.
        var killable = await EventuallyAsync(() => slack.Posts.Count(p => p.Token == "xoxb-host-a") >= 20
            && slack.Posts.Any(p => p.Token == "xoxb-host-a" && p.InFlight), TimeSpan.FromSeconds(60));
        Assert.True(killable, "host A never had posts in flight:\n" + string.Join('\n', victim.Lines.TakeLast(30)));
        victim.Kill();
        await victim.WaitForExitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"{clock.Elapsed}: host A killed after {slack.Posts.Count(p => p.Token == "xoxb-host-a")} posts");
        var orphans = await OrphanedPostKeysAsync(database, "host-a");
        var landedUnrecorded = slack.Posts.Where(p => p.PostKey is not null && orphans.Contains(p.PostKey)).Select(p => p.PostKey!).ToHashSet();
        await using var restarted = HostProcess.Start(Environment(database, slack, "host-a2"));
        await restarted.WaitListeningAsync(TimeSpan.FromSeconds(90));
        await digests;
        output.WriteLine($"{clock.Elapsed}: host A restarted, every digest job ran");
        var drained = await EventuallyAsync(() => DrainedAsync(database, tenant), TimeSpan.FromSeconds(60));
        output.WriteLine($"{clock.Elapsed}: drained; {orphans.Count} card(s) held by the dead host, {landedUnrecorded.Count} of them landed unrecorded; "
            + $"posts by host: {string.Join(", ", slack.Posts.GroupBy(p => p.Token).Select(g => $"{g.Key}={g.Count()}"))}");

        // Assert: the kill hit posts in flight, and the outbox drained.
        Assert.True(drained, "the outbox did not drain:\n" + string.Join('\n', survivor.Lines.Concat(restarted.Lines).TakeLast(40)));
        Assert.NotEmpty(orphans);
        Assert.NotEmpty(landedUnrecorded);
        // Every expected card — one digest per subscription, from the outbox rows the digest job wrote — reached Slack exactly once.
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var expected = (await connection.QueryAsync<(long Id, string Channel)>(
            "SELECT outbox_id, conversation_id FROM outbox WHERE tenant_id = @tenant AND kind = 'post' AND dedupe_key LIKE 'digest:%'", new { tenant })).ToList();
        var subscribedWithExceptions = await connection.ExecuteScalarAsync<long>(
            "SELECT count(DISTINCT subscription_id) FROM digest_deliveries WHERE tenant_id = @tenant", new { tenant });
        Assert.Equal(Channels, expected.Count);
        Assert.Equal(Channels, subscribedWithExceptions);
        var posts = slack.Posts;
        var byKey = posts.GroupBy(p => p.PostKey ?? "(none)").ToDictionary(g => g.Key, g => g.ToList());
        var missing = expected.Where(e => !byKey.ContainsKey(OutboxClaim.PostKeyOf(e.Id))).ToList();
        var duplicated = byKey.Where(g => g.Value.Count > 1).Select(g => $"{g.Key}×{g.Value.Count}").ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} card(s) never reached Slack: {string.Join(", ", missing.Take(10))}");
        Assert.True(duplicated.Count == 0, $"duplicate cards: {string.Join(", ", duplicated.Take(10))}");
        Assert.Equal(expected.Count, posts.Count);
        Assert.All(expected, e => Assert.Equal(e.Channel, byKey[OutboxClaim.PostKeyOf(e.Id)].Single().Channel));
        Assert.Equal(Channels, posts.Select(p => p.Channel).Distinct(StringComparer.Ordinal).Count());
        // The dead host's landed posts were found and recorded, and nothing was posted without knowing.
        var found = (await connection.QueryAsync<long>("SELECT outbox_id FROM outbox WHERE tenant_id = @tenant AND reconciliation = 'found'", new { tenant }))
            .Select(OutboxClaim.PostKeyOf).ToHashSet();
        Assert.Superset(landedUnrecorded, found);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE tenant_id = @tenant AND (reconciliation LIKE 'lookup_failed%' OR reconciliation = 'no_lookup')", new { tenant }));
        Assert.Contains(slack.Calls, c => c.Method == "conversations.history");
    }

    private static async Task<string> SeedTenantAsync(TestDatabase database)
    {
        var tenant = "crash-" + Guid.NewGuid().ToString("N")[..8];
        await new LedgerImporter(database.DataSource).ImportAsync(tenant, SampleOperatorGenerator.Generate(seed: 1).ToBatch(), CancellationToken.None);
        await new ExceptionEvaluator(database.DataSource, new LedgerSnapshotStore(database.DataSource), new RuleSettingsStore(database.DataSource), TimeProvider.System)
            .EvaluateTenantAsync(tenant, null, CancellationToken.None);
        return tenant;
    }

    private static async Task<IReadOnlyList<long>> SubscribeAsync(TestDatabase database, string tenant)
    {
        // A local time hours away, so the scheduler never fires these during the test: the test fires them.
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        var at = new TimeOnly((local.Hour + 6) % 24, 0);
        var store = new SubscriptionStore(database.DataSource);
        var ids = new List<long>();
        for (var c = 0; c < Channels; c++)
        {
            var added = await store.AddAsync(new DigestSubscription
            {
                TenantId = tenant, Kind = DigestKind.Morning, Channel = new ChannelAddress(Platform.Slack, "T0CRASH", $"C{c:D4}"),
                LocalTime = at, TimeZone = Zone,
            }, CancellationToken.None);
            ids.Add(added.SubscriptionId);
        }
        return ids;
    }

    /// <summary>What <c>allometry jobs run digest</c> builds: the job runner on the shared database, never joining the cluster.</summary>
    private static ServiceProvider DigestRunner(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database.DataSource);
        services.AddAllometryPostgres();
        services.AddAllometryScheduling(new SchedulerOptions());
        services.AddSingleton<IScheduledCardPublisher, ScheduledCardOutbox>();
        services.AddSingleton<JobRunner>();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Runs every subscription's stored digest job now, as <c>allometry jobs run digest</c> does: the
    /// first through <see cref="JobRunner"/> (which also makes sure the store has every job), the
    /// rest the same way minus its reconciliation of all 200 schedules before each run.
    /// </summary>
    private static async Task RunDigestsAsync(ServiceProvider services, string tenant, IReadOnlyList<long> subscriptions)
    {
        await services.GetRequiredService<JobRunner>().RunAsync("digest", tenant, subscriptions[0], CancellationToken.None);
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var store = services.GetRequiredService<SubscriptionStore>();
        await Parallel.ForEachAsync(subscriptions.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
        {
            var subscription = await store.GetAsync(tenant, id, ct) ?? throw new InvalidOperationException($"subscription {id} is gone");
            var detail = await scheduler.GetJobDetail(JobKeys.ForSubscription(subscription), ct) ?? throw new InvalidOperationException($"no job for {id}");
            await using var scope = services.CreateAsyncScope();
            var job = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, detail.JobType.Type);
            await job.Execute(new ManualJobContext(scheduler, detail, job, new JobDataMap { [DigestJob.ManualKey] = "true" }, TimeProvider.System, ct), ct);
        });
    }

    /// <summary>Post keys of the rows <paramref name="instance"/> held when it died.</summary>
    private static async Task<HashSet<string>> OrphanedPostKeysAsync(TestDatabase database, string instance)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var ids = await connection.QueryAsync<long>("SELECT outbox_id FROM outbox WHERE status = 'sending' AND lease_owner = @instance", new { instance });
        return ids.Select(OutboxClaim.PostKeyOf).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<bool> DrainedAsync(TestDatabase database, string tenant)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var (all, unsent) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT count(*), count(*) FILTER (WHERE status <> 'sent') FROM outbox WHERE tenant_id = @tenant", new { tenant });
        return all >= Channels && unsent == 0;
    }

    private static async Task<bool> EventuallyAsync(Func<bool> done, TimeSpan limit) => await EventuallyAsync(() => Task.FromResult(done()), limit);

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await done()) return true;
            await Task.Delay(20);
        }
        return await done();
    }
}
