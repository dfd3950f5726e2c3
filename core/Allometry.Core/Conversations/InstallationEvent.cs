namespace Allometry.Core.Conversations;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>The bot was added somewhere (Teams <c>conversationUpdate</c>/<c>installationUpdate</c>, Slack install, web chat start).</summary>
public sealed record InstallationEvent
{
    /// <summary>Who added it, when the platform says.</summary>
    public PlatformIdentity? By { get; init; }

    /// <summary>The conversation reference to remember for proactive posts.</summary>
    public required ChannelAddress Conversation { get; init; }

    public Language? Locale { get; init; }

    public bool IsPersonal { get; init; }

    /// <summary>A group chat rather than a team channel (Teams <c>conversationType: groupChat</c>, Slack MPIM); ignored when <see cref="IsPersonal"/>.</summary>
    public bool IsGroup { get; init; }
}
