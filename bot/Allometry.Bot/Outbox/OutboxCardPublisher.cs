namespace Allometry.Bot.Outbox;

using Allometry.Bot.Scheduling;
using Allometry.Core.Cards;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Outbox;
using Allometry.Core.Postgres.Tenancy;
using Npgsql;

/// <summary>
/// The scheduled jobs' door to the outbox: a digest or weekly summary is queued once per
/// subscription and local day (with the exceptions it lists recorded in digest_deliveries), and a
/// resurfaced exception is re-posted once per conversation and day where it was posted before.
/// </summary>
internal sealed class OutboxCardPublisher(NpgsqlDataSource dataSource, OutboxStore store, ExceptionCardOutbox copies) : IScheduledCardPublisher
{
    public async Task<int> PublishDigestAsync(DigestSubscription subscription, DateOnly localDate, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(card);
        IReadOnlyList<long> listed = card is DigestCard digest ? [.. digest.Items.SelectMany(i => i.ExceptionIds).Distinct()] : [];
        await using var scope = await TenantScope.BeginAsync(dataSource, subscription.TenantId, ct).ConfigureAwait(false);
        var queued = await store.EnqueueDigestAsync(scope.Connection, scope.Transaction,
            new DigestDelivery(subscription.TenantId, subscription.SubscriptionId, localDate), subscription.Channel, card, listed, ct).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
        return queued;
    }

    public Task<int> ResurfaceAsync(string tenantId, long exceptionId, DateOnly localDate, CancellationToken ct) =>
        copies.ResurfaceAsync(tenantId, exceptionId, localDate, null, ct);
}
