namespace Allometry.Core.Cards;

/// <summary>
/// What a chat channel offers, besides <see cref="IChatChannel"/>, when its platform lets a bot
/// find a message it posted: every post carries a stable key, and a post whose outcome is unknown
/// (the process that made it died before recording it) can be looked up by that key instead of
/// being posted a second time. The outbox uses it to deliver each card exactly once across a crash.
/// </summary>
/// <remarks>
/// Optional: a channel without it is re-posted after a crash (at least once). The key is opaque to
/// the channel; it only has to come back unchanged from <see cref="FindPostAsync"/>.
/// </remarks>
public interface IPostLookup
{
    /// <summary>Posts <paramref name="card"/> carrying <paramref name="postKey"/> (invisibly to people), as <see cref="IChatChannel.PostAsync"/> otherwise.</summary>
    Task<PostedCard> PostAsync(ChannelAddress address, Card card, string postKey, CancellationToken ct);

    /// <summary>
    /// The post carrying <paramref name="postKey"/> in <paramref name="address"/>'s conversation,
    /// posted at or after <paramref name="since"/>; null when the platform says, completely, that
    /// there is none.
    /// </summary>
    /// <exception cref="ChannelDeliveryException">The platform could not answer, or not completely: the post's fate is unknown.</exception>
    Task<PostedCard?> FindPostAsync(ChannelAddress address, string postKey, DateTimeOffset since, CancellationToken ct);
}
