namespace Allometry.Bot.Tests.Cli;

using Allometry.Adapters.Teams.Connector;
using Allometry.Testing;

/// <summary><c>allometry teams blocked</c>: the Teams conversations that refuse the bot's writes, in both languages.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TeamsBlockedCommandTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cli-blocked-").FullName;
    private TestDatabase _database = null!;

    private CliHarness Cli => new(_database.ConnectionString, _home);

    public async Task InitializeAsync() => _database = await postgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task Blocked_None_SaysSoInTheAskedLanguage()
    {
        // Act
        var en = await Cli.RunAsync("teams", "blocked", "--lang", "en");
        var fr = await Cli.RunAsync("teams", "blocked", "--lang", "fr");

        // Assert
        Assert.True(en.ExitCode == 0, en.Out + en.Error);
        Assert.Contains("No Teams conversation refuses the bot's messages.", en.Out, StringComparison.Ordinal);
        Assert.Contains("Aucune conversation Teams ne refuse les messages du bot.", fr.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blocked_OneRecordedAndRefusedTwice_ListsItWithItsErrorAndCount()
    {
        // Arrange
        var blocks = new BlockedConversations(_database.DataSource, TimeProvider.System);
        await blocks.RecordAsync(["29:blocked-user"], "50612dbb-0237-4969-b378-8d42590f9c00", "ConversationBlockedByUser", 403, CancellationToken.None);
        await blocks.RefuseIfBlockedAsync(["29:blocked-user"], CancellationToken.None);
        await blocks.RefuseIfBlockedAsync(["29:blocked-user"], CancellationToken.None);

        // Act
        var en = await Cli.RunAsync("teams", "blocked", "--lang", "en");
        var fr = await Cli.RunAsync("teams", "blocked", "--lang", "fr");

        // Assert
        Assert.True(en.ExitCode == 0, en.Out + en.Error);
        Assert.Contains("29:blocked-user", en.Out, StringComparison.Ordinal);
        Assert.Contains("403 ConversationBlockedByUser", en.Out, StringComparison.Ordinal);
        Assert.Matches(@"│\s*2\s*│", en.Out);
        Assert.Contains("Posts refused", en.Out, StringComparison.Ordinal);
        Assert.Contains("conversation_blocked", en.Out, StringComparison.Ordinal);
        Assert.True(fr.ExitCode == 0, fr.Out + fr.Error);
        Assert.Contains("Publications refusées", fr.Out, StringComparison.Ordinal);
        Assert.Contains("Le blocage est levé", fr.Out, StringComparison.Ordinal);
    }
}
