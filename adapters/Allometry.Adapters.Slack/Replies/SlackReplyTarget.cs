namespace Allometry.Adapters.Slack.Replies;

/// <summary>Where and how an answer goes back: the interaction's channel, speaker, clicked message and <c>response_url</c>.</summary>
internal sealed record SlackReplyTarget
{
    public required string TeamId { get; init; }

    public required string ChannelId { get; init; }

    public required string UserId { get; init; }

    /// <summary>The interaction's <c>response_url</c>; the only way to answer a slash command in a channel the bot is not in.</summary>
    public Uri? ResponseUrl { get; init; }

    /// <summary>The clicked message's <c>ts</c>, for <c>chat.update</c>.</summary>
    public string? MessageTs { get; init; }

    /// <summary>The clicked message was ephemeral: only <c>response_url</c> can replace it.</summary>
    public bool MessageIsEphemeral { get; init; }

    /// <summary>Reply in this thread (a mention inside a thread).</summary>
    public string? ThreadTs { get; init; }

    /// <summary>A slash command: answers go through <c>response_url</c>, ephemeral unless <see cref="Share"/>.</summary>
    public bool FromCommand { get; init; }

    /// <summary>The person asked for the answer to be shared with the channel.</summary>
    public bool Share { get; init; }

    /// <summary>A direct message with the bot: "private" answers are ordinary posts there.</summary>
    public bool IsDirectMessage { get; init; }
}
