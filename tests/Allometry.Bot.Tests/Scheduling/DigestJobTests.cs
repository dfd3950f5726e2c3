namespace Allometry.Bot.Tests.Scheduling;

using Allometry.Adapters.Ledger.Writing;
using Allometry.Bot.Tests.Cli;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class DigestJobTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-digest-job-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task JobsRunDigest_RunTwiceTheSameDay_OneCardQueuedAndEachExceptionDeliveredOnce()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync();
        var cli = new CliHarness(database.ConnectionString, _home);
        var folder = Path.Combine(_home, "ledger");
        LedgerWorkbookWriter.WriteCsvFolder(SampleOperatorGenerator.Generate(), folder);
        var import = await cli.RunAsync("import", folder, "--tenant", "digest-job");
        Assert.True(import.ExitCode == 0, import.Out + import.Error);
        var add = await cli.RunAsync("subscriptions", "add", "morning", "--tenant", "digest-job", "--platform", "slack", "--realm", "T1", "--channel", "C9");
        Assert.True(add.ExitCode == 0, add.Out + add.Error);

        // Act
        var first = await cli.RunAsync("jobs", "run", "digest", "--tenant", "digest-job", "--subscription", "1");
        var second = await cli.RunAsync("jobs", "run", "digest", "--tenant", "digest-job", "--subscription", "1");

        // Assert
        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.Contains("digest → 1", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Out + second.Error);
        Assert.Contains("digest → 0", second.Out, StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE tenant_id = 'digest-job' AND platform = 'slack' AND conversation_id = 'C9' AND card ->> 'card' = 'digest'"));
        var delivered = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM digest_deliveries WHERE tenant_id = 'digest-job' AND subscription_id = 1");
        var distinct = await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT (exception_id, local_date)) FROM digest_deliveries WHERE tenant_id = 'digest-job'");
        Assert.True(delivered > 0);
        Assert.Equal(distinct, delivered);
        Assert.NotNull(await connection.ExecuteScalarAsync<DateTime?>("SELECT last_sent_on FROM digest_subscriptions WHERE tenant_id = 'digest-job' AND subscription_id = 1"));
    }
}
