namespace Allometry.Adapters.Slack.Installations;

/// <summary>No bot token is known for the workspace: it never installed the app, or this host serves another one.</summary>
internal sealed class SlackNotInstalledException : Exception
{
    public SlackNotInstalledException(string teamId) : base($"The Slack app is not installed in workspace {teamId}.") => TeamId = teamId;

    public SlackNotInstalledException() : this("unknown")
    {
    }

    public SlackNotInstalledException(string message, Exception innerException) : base(message, innerException) => TeamId = "unknown";

    public string TeamId { get; }
}
