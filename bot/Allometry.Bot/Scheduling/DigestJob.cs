namespace Allometry.Bot.Scheduling;

using Allometry.Core.Cards;
using Allometry.Core.Postgres.Digests;
using Microsoft.Extensions.Logging;
using Quartz;

/// <summary>
/// A subscription's morning digest or weekly summary: composed for the local date it fires for,
/// skipped on a holiday, handed to the outbox (whose keys make a second run that day a no-op),
/// then marked sent. A subscription removed since it was scheduled deletes its own job.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class DigestJob(SubscriptionStore subscriptions, DigestService digests, IScheduledCardPublisher publisher,
    SchedulerOptions options, LedgerWorkGate gate, TimeProvider time, ILogger<DigestJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var tenant = JobData.RequiredString(context, DigestSchedule.TenantKey);
        var id = JobData.RequiredLong(context, DigestSchedule.SubscriptionKey);
        var subscription = await subscriptions.GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (subscription is null)
        {
            LogRemoved(logger, tenant, id);
            await context.Scheduler.DeleteJob(context.JobDetail.Key, cancellationToken).ConfigureAwait(false);
            return;
        }
        var zone = DigestSchedule.Zone(subscription);
        // The date the firing was for, not the date it happens to run: a misfire recovered after
        // midnight still belongs to yesterday, and yesterday's card is not sent late.
        var scheduled = context.ScheduledFireTimeUtc ?? time.GetUtcNow();
        var localDate = DigestSchedule.LocalDate(scheduled, zone);
        var today = DigestSchedule.LocalDate(time.GetUtcNow(), zone);
        if (localDate != today && !IsManual(context))
        {
            LogStale(logger, tenant, id, localDate);
            return;
        }
        var holiday = BusinessCalendar.HolidayName(localDate, DigestSchedule.HolidaysFor(subscription, options.HolidayProvince));
        if (holiday is not null && subscription.Kind == DigestKind.Morning)
        {
            LogHoliday(logger, tenant, id, holiday);
            return;
        }
        // Composing reads the tenant's whole ledger (the morning digest ranks by the risk queue): one such job at a time.
        Card card = await gate.RunAsync<Card>(async ct => subscription.Kind == DigestKind.Morning
            ? await digests.ComposeMorningAsync(subscription, ct).ConfigureAwait(false)
            : await digests.ComposeWeeklyAsync(tenant, id, localDate, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var enqueued = await publisher.PublishDigestAsync(subscription, localDate, card, cancellationToken).ConfigureAwait(false);
        await subscriptions.MarkSentAsync(tenant, id, localDate, cancellationToken).ConfigureAwait(false);
        LogSent(logger, tenant, id, localDate, enqueued);
        context.Result = enqueued;
    }

    /// <summary>A run asked for by <c>allometry jobs run</c> carries this key: it sends today's card whatever the hour.</summary>
    public const string ManualKey = "manual";

    private static bool IsManual(IJobExecutionContext context) => JobData.OptionalString(context, ManualKey) == "true";

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Tenant}/{Subscription} no longer exists; its job is removed")]
    private static partial void LogRemoved(ILogger logger, string tenant, long subscription);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Tenant}/{Subscription} for {Date} skipped: that local day is over")]
    private static partial void LogStale(ILogger logger, string tenant, long subscription, DateOnly date);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Tenant}/{Subscription} skipped: {Holiday}")]
    private static partial void LogHoliday(ILogger logger, string tenant, long subscription, string holiday);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Tenant}/{Subscription} for {Date}: {Enqueued} card(s) enqueued")]
    private static partial void LogSent(ILogger logger, string tenant, long subscription, DateOnly date, int enqueued);
}
