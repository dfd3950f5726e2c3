namespace Allometry.Bot.Tests.Cli;

using Allometry.Adapters.Ledger.Writing;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class ActAndAuditCommandTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cli-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private CliHarness Cli => new(postgres.ConnectionString, _home);

    private async Task<(string Tenant, long ExceptionId)> TenantWithExceptionAsync()
    {
        var tenant = "cli-act-" + Guid.NewGuid().ToString("N")[..6];
        var folder = Path.Combine(_home, tenant);
        LedgerWorkbookWriter.WriteCsvFolder(SampleOperatorGenerator.Generate(), folder);
        var import = await Cli.RunAsync("import", folder, "--tenant", tenant);
        Assert.True(import.ExitCode == 0, import.Out + import.Error);
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            "SELECT min(exception_id) FROM exceptions WHERE tenant_id = @tenant AND status = 'open'", new { tenant });
        return (tenant, id);
    }

    [Fact]
    public async Task Act_SnoozeAsACoordinatorThenExport_OneAuditRowInTheCsv()
    {
        // Arrange
        var (tenant, id) = await TenantWithExceptionAsync();
        var add = await Cli.RunAsync("users", "add", "marie.tremblay@borealis.example", "--name", "Marie Tremblay", "--role", "coordinator", "--tenant", tenant, "--lang", "fr");
        Assert.True(add.ExitCode == 0, add.Out + add.Error);
        var csv = Path.Combine(_home, "audit.csv");

        // Act
        var act = await Cli.RunAsync("act", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "snooze", "--days", "7",
            "--reason", "Propriétaire en vacances", "--as", "marie.tremblay@borealis.example", "--tenant", tenant, "--lang", "fr", "--key", "k-1");
        var again = await Cli.RunAsync("act", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "snooze", "--days", "7",
            "--as", "marie.tremblay@borealis.example", "--tenant", tenant, "--lang", "fr", "--key", "k-1");
        var export = await Cli.RunAsync("audit", "export", "--from", "2000-01-01", "--to", "2100-12-31", "--tenant", tenant, "--out", csv);
        var list = await Cli.RunAsync("users", "list", "--tenant", tenant);

        // Assert
        Assert.True(act.ExitCode == 0, act.Out + act.Error);
        Assert.Contains("Reporté jusqu’au", act.Out, StringComparison.Ordinal);
        Assert.Contains("Déjà fait", again.Out, StringComparison.Ordinal);
        Assert.True(export.ExitCode == 0, export.Out + export.Error);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("audit_id,at_utc,user_id,user_email", lines[0], StringComparison.Ordinal);
        Assert.Contains(",marie.tremblay@borealis.example,cli,local,marie.tremblay@borealis.example,snooze," + id + ",k-1,Applied,", lines[1], StringComparison.Ordinal);
        Assert.Contains("Marie Tremblay", list.Out, StringComparison.Ordinal);
        Assert.Contains("coordinator", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Act_UnknownPersonOrViewer_RefusedPolitelyAndNothingAudited()
    {
        // Arrange
        var (tenant, id) = await TenantWithExceptionAsync();
        await Cli.RunAsync("users", "add", "alex.martin@borealis.example", "--name", "Alex Martin", "--role", "viewer", "--tenant", tenant);

        // Act
        var unknown = await Cli.RunAsync("act", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "dismiss", "--reason", "x",
            "--as", "nobody@borealis.example", "--tenant", tenant);
        var viewer = await Cli.RunAsync("act", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "dismiss", "--reason", "x",
            "--as", "alex.martin@borealis.example", "--tenant", tenant);

        // Assert
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("I don't know you yet", unknown.Out, StringComparison.Ordinal);
        Assert.Equal(1, viewer.ExitCode);
        Assert.Contains("can't do that", viewer.Out, StringComparison.Ordinal);
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM action_audit WHERE tenant_id = @tenant", new { tenant }));
    }
}
