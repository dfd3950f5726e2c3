namespace Allometry.Bot.Tests.Cli;

using Allometry.Bot.Cli.Commands;

public sealed class SlackCommandTests : IDisposable
{
    // The command reads no database; the harness still wants a connection string.
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Database=unused";
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-slack-cli-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Manifest_Host_EveryUrlOnTheOperatorsHost()
    {
        var result = await new CliHarness(NoDatabase, _home).RunAsync("slack", "manifest", "--host", "https://ar.borealis.example/bot/");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain(SlackCommand.PlaceholderHost, result.Out, StringComparison.Ordinal);
        Assert.Contains("url: https://ar.borealis.example/bot/slack/commands\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("request_url: https://ar.borealis.example/bot/slack/events\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("request_url: https://ar.borealis.example/bot/slack/interactivity\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("- https://ar.borealis.example/bot/slack/oauth/callback\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("socket_mode_enabled: false", result.Out, StringComparison.Ordinal);
        // Everything else is the committed file, byte for byte.
        Assert.Equal(await SlackCommand.ReadAsync(socket: false, CancellationToken.None),
            result.Out.Replace("https://ar.borealis.example/bot", SlackCommand.PlaceholderHost, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Manifest_Socket_NoRequestUrlsAndSocketModeOn()
    {
        var result = await new CliHarness(NoDatabase, _home).RunAsync("slack", "manifest", "--host", "https://ar.borealis.example", "--socket");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain("request_url", result.Out, StringComparison.Ordinal);
        Assert.Contains("socket_mode_enabled: true", result.Out, StringComparison.Ordinal);
        Assert.Contains("- https://ar.borealis.example/slack/oauth/callback\n", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ar.borealis.example", "en", "is not an HTTPS URL")]
    [InlineData("ar.borealis.example", "en", "is not an HTTPS URL")]
    [InlineData("https://ar.borealis.example/?x=1", "fr", "n'est pas une URL HTTPS")]
    public async Task Manifest_BadHost_RejectedInTheLanguageWithExitCode2(string host, string lang, string message)
    {
        var result = await new CliHarness(NoDatabase, _home).RunAsync("slack", "manifest", "--host", host, "--lang", lang);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Manifest_NoHost_RequiredOptionError()
    {
        var result = await new CliHarness(NoDatabase, _home).RunAsync("slack", "manifest");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--host", result.Error, StringComparison.Ordinal);
    }
}
