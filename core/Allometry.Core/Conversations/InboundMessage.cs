namespace Allometry.Core.Conversations;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>A message a person typed, as every channel sees it.</summary>
public sealed record InboundMessage
{
    /// <summary>Who wrote it: platform, realm (Entra tenant id, Slack team id, "local") and the platform's user id.</summary>
    public required PlatformIdentity From { get; init; }

    /// <summary>Where it was written; replies and subscriptions go there.</summary>
    public required ChannelAddress Conversation { get; init; }

    /// <summary>The text with the bot's mention removed and whitespace trimmed.</summary>
    public required string Text { get; init; }

    /// <summary>The client's locale when the platform sends one (Teams <c>locale</c>, Slack user locale); null → the user's language.</summary>
    public Language? Locale { get; init; }

    /// <summary>The platform's display name for the speaker, used only in the unlinked-user notice.</summary>
    public string? DisplayName { get; init; }

    /// <summary>A one-to-one conversation with the bot (Teams personal scope, Slack IM, web chat).</summary>
    public bool IsPersonal { get; init; }
}
