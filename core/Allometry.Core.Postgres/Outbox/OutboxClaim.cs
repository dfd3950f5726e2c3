namespace Allometry.Core.Postgres.Outbox;

using Allometry.Core.Cards;

/// <summary>A message a dispatcher claimed: its lease lets only this dispatcher mark it sent or failed.</summary>
public sealed record OutboxClaim
{
    public required long OutboxId { get; init; }
    public required string TenantId { get; init; }
    public required ChannelAddress Address { get; init; }
    public required OutboxKind Kind { get; init; }
    public Card? Card { get; init; }
    public string? MessageId { get; init; }
    public long? ExceptionId { get; init; }
    public required string DedupeKey { get; init; }

    /// <summary>Attempts so far, this one included.</summary>
    public required int Attempts { get; init; }

    /// <summary>The card's revision when claimed (see <see cref="OutboxStore.MarkSentAsync"/>).</summary>
    public required int Revision { get; init; }

    /// <summary>The dispatcher that holds the lease.</summary>
    public required string LeaseOwner { get; init; }

    /// <summary>The posted copy this message acts on, for an update or delete.</summary>
    public PostedCard? Posted => MessageId is null ? null : new PostedCard(Address, MessageId);
}
