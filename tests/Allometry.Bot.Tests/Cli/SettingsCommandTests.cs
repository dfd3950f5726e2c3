namespace Allometry.Bot.Tests.Cli;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class SettingsCommandTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cli-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private CliHarness Cli => new(postgres.ConnectionString, _home);

    private async Task<string> NewTenantAsync()
    {
        var tenant = "cli-set-" + Guid.NewGuid().ToString("N")[..6];
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES (@tenant, 'Settings test')", new { tenant });
        return tenant;
    }

    private async Task<string?> StoredAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<string?>("SELECT settings::text FROM tenant_settings WHERE tenant_id = @tenant", new { tenant });
    }

    [Fact]
    public async Task SettingsSetThenShow_RoundTrip_EverySettingWithValueAndDefault()
    {
        // Arrange
        var tenant = await NewTenantAsync();

        // Act
        var set = await Cli.RunAsync("settings", "set", "permissions.second_approval_threshold", "10000", "--tenant", tenant);
        var setFr = await Cli.RunAsync("settings", "set", "quebec_release_days", "45", "--tenant", tenant, "--lang", "fr");
        var show = await Cli.RunAsync("settings", "show", "--tenant", tenant);
        var showFr = await Cli.RunAsync("settings", "show", "--tenant", tenant, "--lang", "fr");

        // Assert
        Assert.True(set.ExitCode == 0, set.Out + set.Error);
        Assert.Contains($"permissions.second_approval_threshold = 10000 in {tenant}", set.Out, StringComparison.Ordinal);
        Assert.Contains($"quebec_release_days = 45 dans {tenant}", setFr.Out, StringComparison.Ordinal);
        var threshold = show.Out.Split('\n').Single(l => l.Contains("permissions.second_approval_threshold", StringComparison.Ordinal));
        Assert.Matches(@"10000\s*│\s*25000\s*│\s*tenant", threshold);
        var pm = show.Out.Split('\n').Single(l => l.Contains("permissions.project_managers_see_all_projects", StringComparison.Ordinal));
        Assert.Matches(@"false\s*│\s*false\s*│\s*default", pm);
        Assert.Contains("deposit_tolerance", show.Out, StringComparison.Ordinal);
        Assert.Contains("Par défaut", showFr.Out, StringComparison.Ordinal);
        Assert.Matches(@"45\s*│\s*30\s*│\s*locataire", showFr.Out.Split('\n').Single(l => l.Contains("quebec_release_days", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en", "permissions.second_approval_threshold", "lots", "permissions.second_approval_threshold: 'lots' is not")]
    [InlineData("fr", "permissions.second_approval_threshold", "lots", "permissions.second_approval_threshold : « lots » n'est pas")]
    [InlineData("en", "permissions.pm_see_all", "true", "Unknown setting 'permissions.pm_see_all'")]
    [InlineData("fr", "permissions.pm_see_all", "true", "Réglage inconnu « permissions.pm_see_all »")]
    public async Task SettingsSet_UnknownKeyOrBadValue_ErrorInTheLanguageNamingTheKeyAndNothingWritten(string lang, string key, string value, string expected)
    {
        // Arrange
        var tenant = await NewTenantAsync();

        // Act
        var result = await Cli.RunAsync("settings", "set", key, value, "--tenant", tenant, "--lang", lang);

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.Null(await StoredAsync(tenant));
    }

    [Fact]
    public async Task Ask_ProjectManagerAboutAnotherPmsProject_AnsweredOnlyOnceTheSettingIsOn()
    {
        // Arrange: a PM of the ledger asks about a project someone else manages.
        var tenant = "cli-set-" + Guid.NewGuid().ToString("N")[..6];
        var sample = SampleOperatorGenerator.Generate();
        await new LedgerImporter(postgres.DataSource).ImportAsync(tenant, sample.ToBatch(), CancellationToken.None);
        var laval = sample.Projects.Single(p => p.ProjectId == "PRJ-1111");
        var otherPm = sample.Projects.First(p => p.PmEmail is not null && p.PmEmail != laval.PmEmail).PmEmail!;
        var owed = MoneyFormat.Format(sample.Invoices.Where(i => i.ProjectId == laval.ProjectId && i.Status != InvoiceStatus.Void && i.Balance != 0m).Sum(i => i.Balance), Language.En);

        // Act
        var closed = await Cli.RunAsync("ask", "what's owed on PRJ-1111", "--as", otherPm, "--tenant", tenant, "--lang", "en");
        var set = await Cli.RunAsync("settings", "set", "permissions.project_managers_see_all_projects", "true", "--tenant", tenant);
        var opened = await Cli.RunAsync("ask", "what's owed on PRJ-1111", "--as", otherPm, "--tenant", tenant, "--lang", "en");

        // Assert
        Assert.True(closed.ExitCode == 0, closed.Out + closed.Error);
        Assert.DoesNotContain(owed, closed.Out, StringComparison.Ordinal);
        Assert.True(set.ExitCode == 0, set.Out + set.Error);
        Assert.Contains(owed, opened.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_ProjectManager_AnotherPmsExceptionListedOnlyOnceTheSettingIsOn()
    {
        // Arrange: a PM of the tenant and an open exception on a project someone else manages.
        var tenant = "cli-set-" + Guid.NewGuid().ToString("N")[..6];
        var ds = postgres.DataSource;
        await new LedgerImporter(ds).ImportAsync(tenant, SampleOperatorGenerator.Generate().ToBatch(), CancellationToken.None);
        await new ExceptionEvaluator(ds, new LedgerSnapshotStore(ds), new RuleSettingsStore(ds), TimeProvider.System).EvaluateTenantAsync(tenant, null, CancellationToken.None);
        await using var connection = await ds.OpenConnectionAsync();
        var (pm, other) = await connection.QueryFirstAsync<(string, long)>("""
            SELECT mine.pm_email, e.exception_id FROM exceptions e
            JOIN projects p ON p.tenant_id = e.tenant_id AND p.project_id = e.project_id
            JOIN projects mine ON mine.tenant_id = e.tenant_id AND mine.pm_email IS NOT NULL AND mine.pm_email <> p.pm_email
            WHERE e.tenant_id = @tenant AND e.status = 'open' AND e.severity_rank >= 1
            ORDER BY e.exception_id, mine.pm_email LIMIT 1
            """, new { tenant });
        await new UserStore(ds).AddAsync(tenant, pm, "Chargé de projet", Role.ProjectManager, Language.En, CancellationToken.None);

        // Act
        var closed = await Cli.RunAsync("queue", "--tenant", tenant, "--as", pm, "--top", "1000", "--lang", "en");
        await Cli.RunAsync("settings", "set", "permissions.project_managers_see_all_projects", "yes", "--tenant", tenant);
        var opened = await Cli.RunAsync("queue", "--tenant", tenant, "--as", pm, "--top", "1000", "--lang", "en");

        // Assert
        Assert.True(closed.ExitCode == 0, closed.Out + closed.Error);
        Assert.DoesNotContain($"#{other} ·", closed.Out, StringComparison.Ordinal);
        Assert.True(opened.ExitCode == 0, opened.Out + opened.Error);
        Assert.Contains($"#{other} ·", opened.Out, StringComparison.Ordinal);
    }
}
