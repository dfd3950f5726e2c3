namespace Allometry.Bot.Scheduling;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Outbox;
using Allometry.Core.Postgres.Tenancy;
using Npgsql;

/// <summary>
/// The scheduled jobs' door to the durable outbox: a digest or weekly summary is queued inside the
/// subscription's tenant scope, keyed by subscription and local day (and each listed exception by
/// subscription, exception and day), so a second run queues nothing; a resurfaced exception is
/// re-posted where the message map says it was posted, once per conversation and day.
/// </summary>
internal sealed class ScheduledCardOutbox(NpgsqlDataSource dataSource, OutboxStore outbox, ExceptionCardOutbox exceptionCards, IPermissionSettingsSource permissions)
    : IScheduledCardPublisher
{
    public async Task<int> PublishDigestAsync(DigestSubscription subscription, DateOnly localDate, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(card);
        IReadOnlyList<long> listed = card is DigestCard digest ? [.. digest.Items.SelectMany(i => i.ExceptionIds).Distinct()] : [];
        await using var scope = await TenantScope.BeginAsync(dataSource, subscription.TenantId, ct).ConfigureAwait(false);
        var queued = await outbox.EnqueueDigestAsync(scope.Connection, scope.Transaction,
            new DigestDelivery(subscription.TenantId, subscription.SubscriptionId, localDate), subscription.Channel, card, listed, ct).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
        return queued;
    }

    public async Task<int> ResurfaceAsync(string tenantId, long exceptionId, DateOnly localDate, CancellationToken ct) =>
        await exceptionCards.ResurfaceAsync(tenantId, exceptionId, localDate, await permissions.GetAsync(tenantId, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
}
