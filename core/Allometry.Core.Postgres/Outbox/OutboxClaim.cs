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

    /// <summary>When the lease ends: a call that could outlast it must not start (another dispatcher may take the message over).</summary>
    public DateTimeOffset LeaseUntil { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>
    /// For a post taken over from an expired lease: the start of the first attempt whose outcome is
    /// unknown — that post may have landed without being recorded. Null otherwise.
    /// </summary>
    public DateTimeOffset? UnsettledSince { get; init; }

    /// <summary>True when this post may already have landed: look it up (<see cref="PostKey"/>) before posting again.</summary>
    public bool MayHaveLanded => Kind == OutboxKind.Post && UnsettledSince is not null;

    /// <summary>The stable key every attempt of this message carries to the platform, so a landed post can be found again.</summary>
    public string PostKey => PostKeyOf(OutboxId);

    /// <summary>The post key of outbox row <paramref name="outboxId"/>: <c>allometry-outbox-&lt;id&gt;</c>.</summary>
    public static string PostKeyOf(long outboxId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"allometry-outbox-{outboxId}");

    /// <summary>The posted copy this message acts on, for an update or delete.</summary>
    public PostedCard? Posted => MessageId is null ? null : new PostedCard(Address, MessageId);
}
