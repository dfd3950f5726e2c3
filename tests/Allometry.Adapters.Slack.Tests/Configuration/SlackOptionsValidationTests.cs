namespace Allometry.Adapters.Slack.Tests.Configuration;

using Allometry.Adapters.Slack.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

public sealed class SlackOptionsValidationTests
{
    [Fact]
    public void AddSlack_HttpModeWithoutSigningSecret_FailsNamingTheKey()
    {
        var configuration = Configuration(new() { ["Slack:BotToken"] = "xoxb-1" });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSlack(configuration));

        Assert.Contains("Slack:SigningSecrets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSlack_SocketModeWithoutAppToken_FailsNamingTheKey()
    {
        var configuration = Configuration(new() { ["Slack:Mode"] = "Socket", ["Slack:BotToken"] = "xoxb-1" });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSlack(configuration));

        Assert.Contains("Slack:AppToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSlack_OAuthWithoutEncryptionKey_FailsNamingTheKey()
    {
        var configuration = Configuration(new()
        {
            ["Slack:SigningSecrets:0"] = "s", ["Slack:ClientId"] = "1.2", ["Slack:ClientSecret"] = "x", ["Slack:PublicBaseUrl"] = "https://bot.example.com",
        });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSlack(configuration));

        Assert.Contains("Slack:TokenEncryptionKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSlack_BotTokenThatIsNotABotToken_FailsNamingTheKey()
    {
        var configuration = Configuration(new() { ["Slack:SigningSecrets:0"] = "s", ["Slack:BotToken"] = "xoxp-user-token" });

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSlack(configuration));

        Assert.Contains("Slack:BotToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_ValidSingleWorkspace_None()
    {
        var options = new SlackOptions { BotToken = "xoxb-1" };
        options.SigningSecrets.Add("secret");

        Assert.Empty(SlackOptionsValidation.Problems(options));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
