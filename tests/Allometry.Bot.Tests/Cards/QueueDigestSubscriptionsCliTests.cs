namespace Allometry.Bot.Tests.Cards;

using Allometry.Bot.Tests.Cli;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class QueueDigestSubscriptionsCliTests(PostgresFixture postgres) : IDisposable
{
    private const string Tenant = "cards-cli";

    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cards-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Queue_RoleStandIn_PrintsCardsWithActHintsOnlyForAllowedVerbs()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await SeedAsync(database.DataSource);
        var cli = new CliHarness(database.ConnectionString, _home);

        var coordinator = await cli.RunAsync("queue", "--tenant", Tenant, "--role", "coordinator", "--top", "3", "--lang", "en");
        var viewer = await cli.RunAsync("queue", "--tenant", Tenant, "--role", "viewer", "--top", "3", "--lang", "en");
        var table = await cli.RunAsync("queue", "--tenant", Tenant, "--role", "finance", "--top", "5", "--table", "--lang", "fr");

        Assert.True(coordinator.ExitCode == 0, coordinator.Error + coordinator.Out);
        Assert.Contains("stands in for --as", coordinator.Out, StringComparison.Ordinal);
        Assert.Contains(" snooze --days 3 ", coordinator.Out, StringComparison.Ordinal);
        Assert.Contains("Risk score", coordinator.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("release_retainage", coordinator.Out, StringComparison.Ordinal);
        Assert.Contains("more (--top)", coordinator.Out, StringComparison.Ordinal);
        Assert.True(viewer.ExitCode == 0, viewer.Error + viewer.Out);
        Assert.DoesNotContain("allometry act", viewer.Out, StringComparison.Ordinal);
        Assert.True(table.ExitCode == 0, table.Error + table.Out);
        Assert.Contains("Gravité", table.Out, StringComparison.Ordinal);
        Assert.Contains("\u00A0$", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_NoViewer_IsRejected()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await SeedAsync(database.DataSource);
        var cli = new CliHarness(database.ConnectionString, _home);

        var result = await cli.RunAsync("queue", "--tenant", Tenant, "--lang", "en");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--as", result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_AddListDigestRemove_RoundTrip()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await SeedAsync(database.DataSource);
        var cli = new CliHarness(database.ConnectionString, _home);

        var addMorning = await cli.RunAsync("subscriptions", "add", "morning", "--tenant", Tenant, "--min-severity", "medium", "--top", "4",
            "--province", "QC", "--at", "06:45", "--zone", "America/Montreal", "--digest-lang", "fr", "--lang", "en");
        var addWeekly = await cli.RunAsync("subscriptions", "add", "weekly", "--tenant", Tenant, "--platform", "slack", "--realm", "T01",
            "--channel", "C02", "--weekday", "Friday", "--lang", "en");
        var list = await cli.RunAsync("subscriptions", "list", "--tenant", Tenant, "--lang", "en");
        var ids = await IdsAsync(database.DataSource);
        var morning = await cli.RunAsync("digest", "morning", "--subscription", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), "--tenant", Tenant, "--preview");
        var weekly = await cli.RunAsync("digest", "weekly", "--subscription", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture), "--tenant", Tenant,
            "--preview", "--week-ending", "2026-11-20");
        var wrongKind = await cli.RunAsync("digest", "weekly", "--subscription", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), "--tenant", Tenant, "--preview");
        var remove = await cli.RunAsync("subscriptions", "remove", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), "--tenant", Tenant, "--lang", "en");
        var after = await IdsAsync(database.DataSource);

        Assert.True(addMorning.ExitCode == 0, addMorning.Error + addMorning.Out);
        Assert.True(addWeekly.ExitCode == 0, addWeekly.Error + addWeekly.Out);
        Assert.Contains("06:45 America/Montreal", list.Out, StringComparison.Ordinal);
        Assert.Contains("slack T01/C02", list.Out, StringComparison.Ordinal);
        Assert.Contains("(Friday)", list.Out, StringComparison.Ordinal);
        Assert.Contains("≥ medium", list.Out, StringComparison.Ordinal);
        Assert.True(morning.ExitCode == 0, morning.Error + morning.Out);
        Assert.Contains("Résumé du matin", morning.Out, StringComparison.Ordinal);
        Assert.True(weekly.ExitCode == 0, weekly.Error + weekly.Out);
        Assert.Contains("Weekly exposure summary", weekly.Out, StringComparison.Ordinal);
        Assert.Contains("first week", weekly.Out, StringComparison.Ordinal);
        Assert.Contains("2026-11-20", weekly.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, wrongKind.ExitCode);
        Assert.True(remove.ExitCode == 0, remove.Error + remove.Out);
        Assert.Equal([ids[1]], after);
    }

    private static async Task SeedAsync(Npgsql.NpgsqlDataSource dataSource)
    {
        await new LedgerImporter(dataSource).ImportAsync(Tenant, SampleOperatorGenerator.Generate().ToBatch(), CancellationToken.None);
        await new ExceptionEvaluator(dataSource, new LedgerSnapshotStore(dataSource), new RuleSettingsStore(dataSource), TimeProvider.System)
            .EvaluateTenantAsync(Tenant, null, CancellationToken.None);
    }

    private static async Task<List<long>> IdsAsync(Npgsql.NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<long>("SELECT subscription_id FROM digest_subscriptions ORDER BY subscription_id")];
    }
}
