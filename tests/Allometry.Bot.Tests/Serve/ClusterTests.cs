namespace Allometry.Bot.Tests.Serve;

using Allometry.Testing;
using Dapper;

/// <summary>
/// Two hosts, two processes, one database — the production shape. Separate processes rather than
/// two in-process hosts: each then has its own Quartz scheduler, thread pool, connection pool and
/// clock exactly as two servers behind a load balancer would, and one can be SIGKILLed without
/// taking the test runner with it. Bounded: loopback only, each test runs for seconds.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresFixture postgres) : IDisposable
{
    private const string Job = "system.resurface-snoozed";
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cluster-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    // The resurfacing job every second stands in for any job: what is tested is the cluster's firing.
    private Dictionary<string, string> Environment(TestDatabase database) => new()
    {
        ["ConnectionStrings__Allometry"] = database.ConnectionString,
        ["ALLOMETRY_HOME"] = _home,
        ["Allometry__Scheduler__ResurfaceInterval"] = "00:00:01",
        ["Allometry__Scheduler__CheckinInterval"] = "00:00:01",
        ["Allometry__Scheduler__CheckinMisfireThreshold"] = "00:00:02",
        ["Allometry__Scheduler__ReconcileInterval"] = "00:10:00",
        ["Allometry__Scheduler__ImportPollInterval"] = "00:10:00",
    };

    [Fact]
    public async Task Serve_TwoInstancesOneDatabase_EachOccurrenceFiresOnce()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync();
        await using var first = HostProcess.Start(Environment(database));
        await first.WaitListeningAsync(TimeSpan.FromSeconds(90));
        await using var second = HostProcess.Start(Environment(database));
        await second.WaitListeningAsync(TimeSpan.FromSeconds(90));

        // Act
        await Task.Delay(TimeSpan.FromSeconds(8));
        var runs = first.JobRuns().Concat(second.JobRuns()).Where(r => r.Job == Job).ToList();

        // Assert
        Assert.True(runs.Count >= 5, $"only {runs.Count} runs:\n" + string.Join('\n', first.Lines.Concat(second.Lines).TakeLast(40)));
        var duplicates = runs.GroupBy(r => r.ScheduledMs).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'allometry'"));
    }

    [Fact]
    public async Task Serve_OneInstanceKilled_TheOtherTakesOverItsFiringsAndForgetsIt()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync();
        await using var victim = HostProcess.Start(Environment(database));
        await victim.WaitListeningAsync(TimeSpan.FromSeconds(90));
        await using var survivor = HostProcess.Start(Environment(database));
        await survivor.WaitListeningAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Act
        victim.Kill();
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Task.Delay(TimeSpan.FromSeconds(8));

        // Assert: the survivor fires every occurrence after the kill, once each, and has removed the dead instance.
        var after = survivor.JobRuns().Where(r => r.Job == Job && r.ScheduledMs > killedAt + 3000).ToList();
        Assert.True(after.Count >= 3, $"survivor ran {after.Count} after the kill:\n" + string.Join('\n', survivor.Lines.TakeLast(40)));
        Assert.DoesNotContain(after.GroupBy(r => r.ScheduledMs), g => g.Count() > 1);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var instances = (await connection.QueryAsync<string>("SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = 'allometry'")).ToList();
        var survivorInstance = Assert.Single(instances);
        Assert.All(after, r => Assert.Equal(survivorInstance, r.Instance));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM qrtz_fired_triggers WHERE sched_name = 'allometry' AND instance_name <> @survivorInstance", new { survivorInstance }));
    }
}
