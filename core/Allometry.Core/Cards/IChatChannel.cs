namespace Allometry.Core.Cards;

using Allometry.Core.People;

/// <summary>
/// A chat platform as the outbox sees it: post a card to a conversation, replace a posted card in
/// place, delete it. Teams, Slack and the web chat implement it in their adapters.
/// </summary>
public interface IChatChannel
{
    /// <summary>The platform this channel posts to; the outbox picks the channel for an address by it.</summary>
    Platform Platform { get; }

    /// <summary>Posts a card; returns where it landed, so later state changes can update it in place.</summary>
    Task<PostedCard> PostAsync(ChannelAddress address, Card card, CancellationToken ct);

    /// <summary>Replaces a posted card's content.</summary>
    Task UpdateAsync(PostedCard posted, Card card, CancellationToken ct);

    Task DeleteAsync(PostedCard posted, CancellationToken ct);
}
