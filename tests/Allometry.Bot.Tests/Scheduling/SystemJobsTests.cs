namespace Allometry.Bot.Tests.Scheduling;

using Allometry.Adapters.Ledger.Writing;
using Allometry.Bot.Tests.Cli;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class SystemJobsTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-system-jobs-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task EvaluateImports_ImportAfterTheMark_EvaluatedOnceThenNothing()
    {
        // Arrange: the first run only sets the mark at the newest import (there is none yet).
        await using var database = await postgres.CreateDatabaseAsync();
        var cli = new CliHarness(database.ConnectionString, _home);
        var start = await cli.RunAsync("jobs", "run", "evaluate-imports");
        Assert.True(start.ExitCode == 0, start.Out + start.Error);
        var folder = Path.Combine(_home, "ledger");
        LedgerWorkbookWriter.WriteCsvFolder(SampleOperatorGenerator.Generate(), folder);
        var import = await cli.RunAsync("import", folder, "--tenant", "imports-job");
        Assert.True(import.ExitCode == 0, import.Out + import.Error);

        // Act
        var first = await cli.RunAsync("jobs", "run", "evaluate-imports");
        var second = await cli.RunAsync("jobs", "run", "evaluate-imports");

        // Assert
        Assert.Contains("evaluate-imports → 1", first.Out, StringComparison.Ordinal);
        Assert.Contains("evaluate-imports → 0", second.Out, StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var newest = await connection.ExecuteScalarAsync<long>("SELECT max(import_id) FROM imports");
        var stored = await connection.ExecuteScalarAsync<byte[]?>("SELECT job_data FROM qrtz_job_details WHERE job_name = 'evaluate-imports'");
        Assert.NotNull(stored);
        Assert.Contains("\"" + newest + "\"", System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewalPipeline_RunTwiceTheSameDay_SecondRunOpensNothing()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync();
        var cli = new CliHarness(database.ConnectionString, _home);
        var folder = Path.Combine(_home, "ledger");
        LedgerWorkbookWriter.WriteCsvFolder(SampleOperatorGenerator.Generate(), folder);
        var import = await cli.RunAsync("import", folder, "--tenant", "renewal-job");
        Assert.True(import.ExitCode == 0, import.Out + import.Error);

        // Act
        var first = await cli.RunAsync("jobs", "run", "renewal-pipeline");
        var second = await cli.RunAsync("jobs", "run", "renewal-pipeline");

        // Assert
        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.Contains("renewal-pipeline → ", first.Out, StringComparison.Ordinal);
        Assert.Contains("renewal-pipeline → 0", second.Out, StringComparison.Ordinal);
    }
}
