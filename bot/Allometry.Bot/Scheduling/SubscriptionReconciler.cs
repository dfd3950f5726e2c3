namespace Allometry.Bot.Scheduling;

using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Ledger;
using Quartz;

/// <summary>
/// Brings the Quartz store in line with the subscriptions in PostgreSQL: one job and one cron
/// trigger per subscription, rescheduled when its time, zone or weekday changed, deleted when the
/// subscription is gone. Subscriptions are managed from chat and the CLI, which never talk to the
/// scheduler; this is what makes their changes take effect (every minute, and at start).
/// </summary>
internal sealed class SubscriptionReconciler(TenantDirectory tenants, SubscriptionStore subscriptions, TimeProvider time)
{
    /// <summary>What a reconcile pass changed.</summary>
    public sealed record Result(int Added, int Rescheduled, int Removed, int Unchanged);

    public async Task<Result> ReconcileAsync(IScheduler scheduler, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var wanted = new Dictionary<JobKey, DigestSubscription>();
        foreach (var tenant in await tenants.ListAsync(ct).ConfigureAwait(false))
        {
            foreach (var subscription in await subscriptions.ListAsync(tenant, ct).ConfigureAwait(false))
            {
                wanted[JobKeys.ForSubscription(subscription)] = subscription;
            }
        }
        var existing = await ExistingAsync(scheduler, ct).ConfigureAwait(false);
        int added = 0, rescheduled = 0, unchanged = 0;
        foreach (var (key, subscription) in wanted)
        {
            var trigger = DigestSchedule.Trigger(subscription, time.GetUtcNow(), time);
            if (!existing.Contains(key))
            {
                var job = JobBuilder.Create<DigestJob>()
                    .WithIdentity(key)
                    .WithDescription(trigger.Description)
                    .UsingJobData(DigestSchedule.TenantKey, subscription.TenantId)
                    .UsingJobData(DigestSchedule.SubscriptionKey, JobData.Text(subscription.SubscriptionId))
                    .RequestRecovery(true)
                    .Build();
                // Replace: another instance reconciling at the same moment may have stored it first.
                await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct).ConfigureAwait(false);
                added++;
                continue;
            }
            if (await scheduler.GetTrigger(trigger.Key, ct).ConfigureAwait(false) is ICronTrigger current
                && current.CronExpressionString == DigestSchedule.CronExpression(subscription)
                && current.TimeZone.Id == DigestSchedule.Zone(subscription).Id)
            {
                unchanged++;
                continue;
            }
            await scheduler.RescheduleJob(trigger.Key, trigger, ct).ConfigureAwait(false);
            rescheduled++;
        }
        var gone = existing.Where(k => !wanted.ContainsKey(k)).ToList();
        if (gone.Count > 0) await scheduler.DeleteJobs(gone, ct).ConfigureAwait(false);
        return new Result(added, rescheduled, gone.Count, unchanged);
    }

    private static async Task<HashSet<JobKey>> ExistingAsync(IScheduler scheduler, CancellationToken ct)
    {
        var keys = new HashSet<JobKey>();
        var page = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(JobKeys.DigestGroup), Take = PagedQuery.All }, ct).ConfigureAwait(false);
        foreach (var header in page.Items) keys.Add(header.Key);
        return keys;
    }
}
