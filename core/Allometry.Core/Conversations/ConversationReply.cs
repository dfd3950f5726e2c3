namespace Allometry.Core.Conversations;

using Allometry.Core.Cards;

/// <summary>What the bot says back: one or more cards, in order.</summary>
public sealed record ConversationReply
{
    public required IReadOnlyList<Card> Cards { get; init; }

    /// <summary>
    /// For actions: the first card is the clicked card's fresh state and replaces it in place
    /// (Teams invoke response / connector PUT, Slack <c>chat.update</c> / <c>replace_original</c>);
    /// the rest are posted after it.
    /// </summary>
    public bool ReplacesOriginal { get; init; }

    /// <summary>Only the speaker should see it (Slack ephemeral; Teams and web chat post it normally in a personal chat).</summary>
    public bool Private { get; init; }

    /// <summary>
    /// Input values that were refused, keyed by <see cref="CardInput.Id"/> (e.g. <c>until</c> → "The date must be in
    /// the future"): a Slack modal shows them inline (<c>response_action: errors</c>), other channels show the
    /// reply's error card. Empty when nothing was refused.
    /// </summary>
    public IReadOnlyDictionary<string, string> InputErrors { get; init; } = new Dictionary<string, string>();

    public static ConversationReply Of(Card card, bool replacesOriginal = false, bool isPrivate = false) =>
        new() { Cards = [card], ReplacesOriginal = replacesOriginal, Private = isPrivate };
}
