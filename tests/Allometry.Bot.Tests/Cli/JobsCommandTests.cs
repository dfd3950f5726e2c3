namespace Allometry.Bot.Tests.Cli;

using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class JobsCommandTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-jobs-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task JobsList_SubscriptionAddedThenRemoved_ScheduledThenUnscheduled()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES ('jobs-test', 'Jobs test')");
        }
        var cli = new CliHarness(database.ConnectionString, _home);
        var add = await cli.RunAsync("subscriptions", "add", "morning", "--tenant", "jobs-test", "--platform", "slack", "--realm", "T1",
            "--channel", "C42", "--at", "07:30", "--zone", "America/Toronto");
        Assert.True(add.ExitCode == 0, add.Out + add.Error);

        // Act
        var listed = await cli.RunAsync("jobs", "list");
        var removed = await cli.RunAsync("subscriptions", "remove", "1", "--tenant", "jobs-test");
        var reconciled = await cli.RunAsync("jobs", "run", "reconcile-subscriptions");
        var after = await cli.RunAsync("jobs", "list");

        // Assert
        Assert.True(listed.ExitCode == 0, listed.Out + listed.Error);
        Assert.Contains("digests/morning:jobs-test:1", listed.Out, StringComparison.Ordinal);
        Assert.Contains("07:30 America/Toronto", listed.Out, StringComparison.Ordinal);
        Assert.Contains("system/renewal-pipeline", listed.Out, StringComparison.Ordinal);
        Assert.Contains("system/resurface-snoozed", listed.Out, StringComparison.Ordinal);
        Assert.True(removed.ExitCode == 0, removed.Out + removed.Error);
        Assert.True(reconciled.ExitCode == 0, reconciled.Out + reconciled.Error);
        Assert.DoesNotContain("digests/morning:jobs-test:1", after.Out, StringComparison.Ordinal);
        await using var check = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM qrtz_job_details WHERE job_group = 'digests'"));
        Assert.Equal(4, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'system'"));
    }

    [Fact]
    public async Task JobsRun_UnknownJob_RejectedWithTheList()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync();
        var cli = new CliHarness(database.ConnectionString, _home);

        // Act
        var result = await cli.RunAsync("jobs", "run", "make-coffee");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown job 'make-coffee'", result.Error, StringComparison.Ordinal);
        Assert.Contains("renewal-pipeline", result.Error, StringComparison.Ordinal);
    }
}
