namespace Allometry.Bot.Tests.Cli;

using Allometry.Core.People;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class DemoAndHelpTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-demo-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Demo_RunTwiceThenReset_LoadsReusesAndReloads()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        var cli = new CliHarness(database.ConnectionString, _home);
        const string CountImports = "SELECT count(*) FROM imports WHERE tenant_id = 'demo'";

        var first = await cli.RunAsync("demo", "--no-serve");
        var second = await cli.RunAsync("demo", "--no-serve");
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>(CountImports));
        }
        var reset = await cli.RunAsync("demo", "--reset", "--no-serve", "--lang", "fr");

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.Contains("Import complete", first.Out, StringComparison.Ordinal);
        Assert.Contains("DepositGateUnpaid", first.Out, StringComparison.Ordinal);
        Assert.Contains("marie.tremblay@borealis.example", first.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_home, "sample", "borealis-ledger.xlsx")));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Demo data already loaded", second.Out, StringComparison.Ordinal);
        Assert.True(reset.ExitCode == 0, reset.Error + reset.Out);
        Assert.Contains("Import terminé", reset.Out, StringComparison.Ordinal);
        Assert.Contains("concordent au cent près", reset.Out, StringComparison.Ordinal);
        Assert.Equal(["demo"], await new TenantDirectory(database.DataSource).ListAsync(CancellationToken.None));
        // The local web chat talks to the demo tenant, also after a reset.
        Assert.Equal("demo", await new Allometry.Core.Postgres.Conversations.ChatRealmStore(database.DataSource)
            .FindTenantAsync(Allometry.Core.People.Platform.WebChat, "local", CancellationToken.None));
    }

    [Fact]
    public async Task Demo_Run_MakesEverySamplePersonReachableFromTheLocalWebChat()
    {
        await using var database = await postgres.CreateDatabaseAsync();

        var result = await new CliHarness(database.ConnectionString, _home).RunAsync("demo", "--no-serve");

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Equal("demo", await new ChatRealmStore(database.DataSource).FindTenantAsync(Platform.WebChat, "local", CancellationToken.None));
        var users = new UserStore(database.DataSource);
        foreach (var (email, _, role, _) in SampleUsers.People)
        {
            var user = await users.FindByIdentityAsync("demo", new PlatformIdentity(Platform.WebChat, "local", email), CancellationToken.None);
            Assert.Equal((email, role), (user?.Email, user?.RoleIn("demo")));
        }
    }

    [Fact]
    public async Task Help_Root_ListsEveryCommand()
    {
        var result = await new CliHarness(postgres.ConnectionString, _home).RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "migrate", "import", "ledger", "sample", "demo" })
        {
            Assert.Contains(command, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SampleGenerate_CsvFolder_WritesTheContractSheets()
    {
        var folder = Path.Combine(_home, "out");

        var result = await new CliHarness(postgres.ConnectionString, _home).RunAsync("sample", "generate", folder);

        Assert.Equal(0, result.ExitCode);
        foreach (var sheet in new[] { "meta", "payers", "projects", "invoices", "payments", "retainage" })
        {
            Assert.True(File.Exists(Path.Combine(folder, sheet + ".csv")), sheet);
        }
    }

    [Fact]
    public async Task Import_BadLanguageOption_ParseErrorNotACrash()
    {
        var result = await new CliHarness(postgres.ConnectionString, _home).RunAsync("import", "x.xlsx", "--lang", "de");

        Assert.NotEqual(0, result.ExitCode);
    }
}
