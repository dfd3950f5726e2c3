namespace Allometry.Core.Postgres.Outbox;

using Allometry.Core.Cards;

/// <summary>A card to post, update or delete, as a state change enqueues it.</summary>
public sealed record OutboxMessage
{
    public required string TenantId { get; init; }

    /// <summary>The conversation the card goes to.</summary>
    public required ChannelAddress Address { get; init; }

    public OutboxKind Kind { get; init; } = OutboxKind.Post;

    /// <summary>The card to post or update with; null only for <see cref="OutboxKind.Delete"/>.</summary>
    public Card? Card { get; init; }

    /// <summary>The posted copy an update or delete acts on (Slack ts, Teams activity id); null for a post.</summary>
    public string? MessageId { get; init; }

    /// <summary>The exception the card shows, so the message map can find every copy; null for other cards.</summary>
    public long? ExceptionId { get; init; }

    /// <summary>
    /// Unique per tenant: enqueueing a message whose key is already there does nothing, so a job
    /// that runs twice ("digest:42:2026-11-23:1017") never queues a card twice.
    /// </summary>
    public required string DedupeKey { get; init; }

    /// <summary>Throws when the message is inconsistent (a post with a message id, an update without a card…).</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(TenantId);
        ArgumentException.ThrowIfNullOrEmpty(DedupeKey);
        ArgumentNullException.ThrowIfNull(Address);
        if ((Kind == OutboxKind.Post) != (MessageId is null))
            throw new ArgumentException($"Outbox message '{DedupeKey}': a post has no message id, an update or delete must name one.");
        if ((Kind == OutboxKind.Delete) != (Card is null))
            throw new ArgumentException($"Outbox message '{DedupeKey}': a post or update needs a card, a delete has none.");
    }
}
