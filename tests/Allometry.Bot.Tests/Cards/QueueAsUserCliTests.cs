namespace Allometry.Bot.Tests.Cards;

using Allometry.Bot.Tests.Cli;
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
public sealed class QueueAsUserCliTests(PostgresFixture postgres) : IDisposable
{
    private const string Tenant = "cards-as";

    private const string BusiestPmSql = """
        SELECT pr.pm_email FROM exceptions e
        JOIN projects pr ON pr.tenant_id = e.tenant_id AND pr.project_id = e.project_id
        WHERE e.tenant_id = @tenant AND e.status = 'open' AND e.severity_rank >= 1 AND pr.pm_email IS NOT NULL
        GROUP BY pr.pm_email ORDER BY count(*) DESC, pr.pm_email LIMIT 1
        """;

    private const string ExceptionOfSql = """
        SELECT e.exception_id FROM exceptions e
        JOIN projects pr ON pr.tenant_id = e.tenant_id AND pr.project_id = e.project_id
        WHERE e.tenant_id = @tenant AND e.status = 'open' AND e.severity_rank >= 1 AND (pr.pm_email = @pm) = @own
        ORDER BY e.exception_id LIMIT 1
        """;

    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cards-as-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Queue_AsProjectManager_ShowsOnlyOwnProjectsWithNoteAndPromise()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        var ds = database.DataSource;
        await new LedgerImporter(ds).ImportAsync(Tenant, SampleOperatorGenerator.Generate().ToBatch(), CancellationToken.None);
        await new ExceptionEvaluator(ds, new LedgerSnapshotStore(ds), new RuleSettingsStore(ds), TimeProvider.System).EvaluateTenantAsync(Tenant, null, CancellationToken.None);
        await using var connection = await ds.OpenConnectionAsync();
        var pm = await connection.ExecuteScalarAsync<string>(BusiestPmSql, new { tenant = Tenant });
        var own = await connection.ExecuteScalarAsync<long>(ExceptionOfSql, new { tenant = Tenant, pm, own = true });
        var other = await connection.ExecuteScalarAsync<long>(ExceptionOfSql, new { tenant = Tenant, pm, own = false });
        var users = new UserStore(ds);
        await users.AddAsync(Tenant, pm!, "Chargé de projet", Role.ProjectManager, Language.Fr, CancellationToken.None);
        await users.AddAsync(Tenant, "controller@example.ca", "Controller", Role.Finance, Language.En, CancellationToken.None);
        var cli = new CliHarness(database.ConnectionString, _home);

        var asPm = await cli.RunAsync("queue", "--tenant", Tenant, "--as", pm!, "--top", "1000", "--lang", "en");
        var asFinance = await cli.RunAsync("queue", "--tenant", Tenant, "--as", "controller@example.ca", "--top", "1000", "--lang", "en");
        var stranger = await cli.RunAsync("queue", "--tenant", Tenant, "--as", "nobody@example.ca", "--lang", "en");

        Assert.True(asPm.ExitCode == 0, asPm.Error + asPm.Out);
        Assert.Contains($"#{own} ·", asPm.Out, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{other} ·", asPm.Out, StringComparison.Ordinal);
        Assert.Contains(" add_note ", asPm.Out, StringComparison.Ordinal);
        Assert.Contains(" record_promise ", asPm.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" snooze ", asPm.Out, StringComparison.Ordinal);
        Assert.True(asFinance.ExitCode == 0, asFinance.Error + asFinance.Out);
        Assert.Contains($"#{other} ·", asFinance.Out, StringComparison.Ordinal);
        Assert.Contains(" release_retainage ", asFinance.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, stranger.ExitCode);
        Assert.Contains("is not a user of", stranger.Error + stranger.Out, StringComparison.Ordinal);
    }
}
