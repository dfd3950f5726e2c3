namespace Allometry.Adapters.Slack.Tests.Inbound;

using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.Inbound;

public sealed class MentionTextTests
{
    [Theory]
    [InlineData("<@UBOT> what's owed on PRJ-1001?", "UBOT", "what's owed on PRJ-1001?")]
    [InlineData("hey <@UBOT>   queue ", "UBOT", "hey queue")]
    [InlineData("<@UBOT> owed Tremblay &amp; fils", "UBOT", "owed Tremblay & fils")]
    [InlineData("<@U999|allometry> help", null, "help")]
    public void Strip_BotMention_RemovedAndTidied(string text, string? bot, string expected) =>
        Assert.Equal(expected, MentionText.Strip(text, bot));

    [Theory]
    [InlineData("https://hooks.slack.com/actions/T1/2/x", true)]
    [InlineData("http://hooks.slack.com/actions/T1/2/x", false)]
    [InlineData("https://hooks.slack.com.evil.example/actions", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", false)]
    [InlineData("not a url", false)]
    public void Accept_ResponseUrl_OnlySlackOrTheConfiguredApiHost(string url, bool accepted) =>
        Assert.Equal(accepted, ResponseUrls.Accept(url, new SlackOptions()) is not null);
}
