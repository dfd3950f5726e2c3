namespace Allometry.Core.Conversations;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>A button click or form submission on a card, as every channel sees it.</summary>
public sealed record InboundAction
{
    public required PlatformIdentity From { get; init; }

    public required ChannelAddress Conversation { get; init; }

    /// <summary>
    /// The button's payload (<see cref="CardActionPayload.ToData"/>: verb, exception id, version, preset
    /// arguments) merged with the values of the card's or modal's inputs, keyed by <see cref="CardInput.Id"/>.
    /// </summary>
    public required IReadOnlyDictionary<string, string?> Data { get; init; }

    /// <summary>
    /// One key per delivery of one click: Teams activity id, Slack <c>trigger_id</c>/action_ts, Direct Line
    /// activity id. A retried delivery carries the same key and changes nothing more.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The message the clicked card is in, so the audit names it and the card can be updated in place.</summary>
    public MessageReference? Message { get; init; }

    public Language? Locale { get; init; }
}
