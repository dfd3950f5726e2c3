namespace Allometry.Bot.Serve;

using Allometry.Bot.Scheduling;
using Allometry.Core.Cards;
using Allometry.Core.Postgres.Digests;

/// <summary>
/// Stands where the durable outbox plugs in until it is part of this build: a job that has a card
/// to send fails loudly (logged, retried by the schedule) instead of pretending it was posted.
/// </summary>
internal sealed class UnwiredCardPublisher : IScheduledCardPublisher
{
    public Task<int> PublishDigestAsync(DigestSubscription subscription, DateOnly localDate, Card card, CancellationToken ct) =>
        throw new InvalidOperationException("The outbox is not wired into this host yet: the digest was composed but not queued / la boîte d'envoi n'est pas encore branchée");

    public Task<int> ResurfaceAsync(string tenantId, long exceptionId, DateOnly localDate, CancellationToken ct) =>
        throw new InvalidOperationException("The outbox is not wired into this host yet: nothing was re-posted / la boîte d'envoi n'est pas encore branchée");
}
