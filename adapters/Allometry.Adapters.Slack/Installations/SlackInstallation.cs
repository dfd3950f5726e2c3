namespace Allometry.Adapters.Slack.Installations;

/// <summary>One workspace's install, as <c>oauth.v2.access</c> returned it (the token in clear, only in memory).</summary>
internal sealed record SlackInstallation(
    string TeamId, string? EnterpriseId, string AppId, string BotUserId, string Scopes, string BotToken, string? InstalledBy);
