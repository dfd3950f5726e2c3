namespace Allometry.Adapters.Slack.Configuration;

/// <summary>How Slack reaches the bot.</summary>
internal enum SlackMode
{
    /// <summary>Slack posts to the public endpoints <c>/slack/events</c>, <c>/slack/interactivity</c>, <c>/slack/commands</c>.</summary>
    Http,

    /// <summary>The bot opens a WebSocket to Slack (no public URL needed); the same handlers serve its envelopes.</summary>
    Socket,
}
