namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;

/// <summary>
/// A channel that receives a digest: which tenant, where to post, in which language, when (local
/// time in an IANA zone, and the weekday of a weekly summary), and what to include.
/// </summary>
public sealed record DigestSubscription
{
    /// <summary>Assigned by the store; 0 before <see cref="SubscriptionStore.AddAsync"/>.</summary>
    public long SubscriptionId { get; init; }
    public required string TenantId { get; init; }
    public required DigestKind Kind { get; init; }
    public required ChannelAddress Channel { get; init; }
    /// <value>English.</value>
    public Language Language { get; init; } = Language.En;
    /// <summary>The local time the digest goes out.</summary>
    public required TimeOnly LocalTime { get; init; }
    /// <summary>IANA time zone ("America/Toronto").</summary>
    public required string TimeZone { get; init; }
    /// <summary>The day a weekly summary goes out; null for a morning digest.</summary>
    public DayOfWeek? Weekday { get; init; }
    /// <value>Everything of severity Low and up, top 10.</value>
    public DigestFilter Filter { get; init; } = new();
    /// <summary>Who created it (an email), for the record.</summary>
    public string? CreatedBy { get; init; }
    /// <summary>The local date of the last digest posted; null when none yet.</summary>
    public DateOnly? LastSentOn { get; init; }
}
