namespace Allometry.Bot.Tests.Cli;

using Allometry.Core.People;
using Allometry.Core.Postgres.Conversations;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class ChannelsCommandTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-channels-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Channels_BindListUnbind_RoundTripAndTheRealmResolvesToTheTenant()
    {
        // Arrange
        await using var database = await postgres.CreateDatabaseAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO tenants (tenant_id, name) VALUES ('north', 'North'), ('south', 'South')");
        }
        var cli = new CliHarness(database.ConnectionString, _home);
        var realms = new ChatRealmStore(database.DataSource);

        // Act
        var bind = await cli.RunAsync("channels", "bind", "--platform", "slack", "--realm", "T0NORTH", "--tenant", "north", "--lang", "en");
        var resolved = await realms.FindTenantAsync(Platform.Slack, "T0NORTH", CancellationToken.None);
        var list = await cli.RunAsync("channels", "list", "--tenant", "north", "--lang", "en");
        var stolen = await cli.RunAsync("channels", "bind", "--platform", "slack", "--realm", "T0NORTH", "--tenant", "south", "--lang", "en");
        var otherList = await cli.RunAsync("channels", "list", "--tenant", "south", "--lang", "fr");
        var unbind = await cli.RunAsync("channels", "unbind", "--platform", "slack", "--realm", "T0NORTH", "--tenant", "north", "--lang", "en");
        var again = await cli.RunAsync("channels", "unbind", "--platform", "slack", "--realm", "T0NORTH", "--tenant", "north", "--lang", "en");
        var badPlatform = await cli.RunAsync("channels", "bind", "--platform", "irc", "--realm", "x", "--tenant", "north", "--lang", "en");

        // Assert
        Assert.True(bind.ExitCode == 0, bind.Error + bind.Out);
        Assert.Equal("north", resolved);
        Assert.Contains("T0NORTH", list.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, stolen.ExitCode);
        Assert.Contains("already connected to another tenant", stolen.Error + stolen.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("T0NORTH", otherList.Out, StringComparison.Ordinal);
        Assert.Contains("Aucun espace", otherList.Out, StringComparison.Ordinal);
        Assert.True(unbind.ExitCode == 0, unbind.Error + unbind.Out);
        Assert.Null(await realms.FindTenantAsync(Platform.Slack, "T0NORTH", CancellationToken.None));
        Assert.NotEqual(0, again.ExitCode);
        Assert.NotEqual(0, badPlatform.ExitCode);
        Assert.Contains("--platform must be teams, slack or web_chat", badPlatform.Error + badPlatform.Out, StringComparison.Ordinal);
    }
}
