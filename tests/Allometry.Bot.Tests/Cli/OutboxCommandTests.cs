namespace Allometry.Bot.Tests.Cli;

using System.Globalization;
using Allometry.Bot.Tests.Outbox;
using Allometry.Core.Postgres.Outbox;
using Allometry.Testing;

// Counts are across tenants, so the tests use a database of their own.
[Collection(PostgresCollection.Name)]
public sealed class OutboxCommandTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cli-").FullName;
    private TestDatabase _database = null!;
    private DispatcherTestBed _bed = null!;

    private CliHarness Cli => new(_database.ConnectionString, _home);

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        _bed = await new DispatcherTestBed(_database.DataSource).WithTenantAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    private async Task<long> OneDeadAsync()
    {
        await _bed.EnqueueAsync(1, 1, prefix: "CGONE");
        var claim = Assert.Single(await _bed.Store.ClaimAsync("cli-test", 10, CancellationToken.None));
        await _bed.Store.FailAsync(claim, new OutboxFailure("channel_not_found", Permanent: true), null, CancellationToken.None);
        return claim.OutboxId;
    }

    [Fact]
    public async Task Status_OneDeadOnePending_CountsAndTheDeadMessagesError()
    {
        // Arrange
        var dead = await OneDeadAsync();
        await _bed.EnqueueAsync(1, 1);

        // Act
        var result = await Cli.RunAsync("outbox", "status");

        // Assert
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Matches(@"pending\s*│\s*1", result.Out);
        Assert.Matches(@"dead\s*│\s*1", result.Out);
        Assert.Contains("channel_not_found", result.Out, StringComparison.Ordinal);
        Assert.Contains(dead.ToString(CultureInfo.InvariantCulture), result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_WithoutIdOrAll_RefusedSayingWhatToGive()
    {
        // Act
        var result = await Cli.RunAsync("outbox", "retry", "--lang", "fr");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--id <n> ou --all", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryThenPurge_DeadMessage_QueuedAgainThenNothingLeftToPurge()
    {
        // Arrange
        var dead = await OneDeadAsync();

        // Act
        var retry = await Cli.RunAsync("outbox", "retry", "--id", dead.ToString(CultureInfo.InvariantCulture));
        var purge = await Cli.RunAsync("outbox", "purge-dead");

        // Assert
        Assert.True(retry.ExitCode == 0, retry.Out + retry.Error);
        Assert.Contains("1 message(s) queued again", retry.Out, StringComparison.Ordinal);
        Assert.Contains("0 dead message(s) deleted", purge.Out, StringComparison.Ordinal);
        Assert.Equal(1, (await _bed.Store.CountAsync(CancellationToken.None)).Pending);
    }
}
