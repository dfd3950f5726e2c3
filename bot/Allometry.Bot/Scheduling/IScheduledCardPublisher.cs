namespace Allometry.Bot.Scheduling;

using Allometry.Core.Cards;
using Allometry.Core.Postgres.Digests;

/// <summary>
/// Where the scheduled jobs hand their cards: the durable outbox, which posts them, paces them per
/// channel and records where they landed. Every method is idempotent on its arguments (the
/// outbox's unique keys), so a job that runs twice — retried, recovered from a dead instance, or
/// run by hand — enqueues nothing new the second time.
/// </summary>
internal interface IScheduledCardPublisher
{
    /// <summary>Enqueues a subscription's digest or weekly summary for <paramref name="localDate"/>; returns the cards enqueued now (0 when already done).</summary>
    Task<int> PublishDigestAsync(DigestSubscription subscription, DateOnly localDate, Card card, CancellationToken ct);

    /// <summary>Enqueues a fresh card for an exception whose snooze ended, in every conversation it was posted to; returns the cards enqueued now.</summary>
    Task<int> ResurfaceAsync(string tenantId, long exceptionId, DateOnly localDate, CancellationToken ct);
}
