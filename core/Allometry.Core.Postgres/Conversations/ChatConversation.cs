namespace Allometry.Core.Postgres.Conversations;

using Allometry.Core.Cards;
using Allometry.Core.Conversations;

/// <summary>A conversation the bot is in, remembered for proactive posts and for the project a channel stands for.</summary>
public sealed record ChatConversation
{
    public required string TenantId { get; init; }

    /// <summary>Where to post (with the Teams/Direct Line service URL).</summary>
    public required ChannelAddress Address { get; init; }

    public required ConversationKind Kind { get; init; }

    /// <summary>The project the channel is bound to; "what's owed?" there means it. Null when unbound.</summary>
    public string? ProjectId { get; init; }

    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>Who added the bot (platform identity text), when the platform said.</summary>
    public string? InstalledBy { get; init; }
}
