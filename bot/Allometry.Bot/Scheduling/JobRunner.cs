namespace Allometry.Bot.Scheduling;

using Allometry.Core.Postgres.Digests;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

/// <summary>
/// What <c>allometry jobs list|run</c> works with: the store's jobs and their next fire times, and
/// a job run now in this process (the same job class, the same database, the same idempotent
/// keys as a scheduled firing). The scheduler is used without being started: this process never
/// joins the cluster and never fires anything else.
/// </summary>
internal sealed class JobRunner(IServiceProvider services, ISchedulerFactory factory, SchedulerOptions options, SubscriptionReconciler reconciler, TimeProvider time)
{
    public sealed record Row(string Job, string Group, string Description, DateTimeOffset? Next, DateTimeOffset? Previous, string State);

    /// <summary>Makes sure the system and subscription jobs exist (as a starting host would), then lists them.</summary>
    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken ct)
    {
        var scheduler = await PreparedAsync(ct).ConfigureAwait(false);
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, ct).ConfigureAwait(false);
        var byJob = triggers.Items.ToLookup(t => t.JobKey);
        var jobs = await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, ct).ConfigureAwait(false);
        return [.. jobs.Items.OrderBy(j => j.Key.Group, StringComparer.Ordinal).ThenBy(j => j.Key.Name, StringComparer.Ordinal).Select(j =>
        {
            var t = byJob[j.Key].FirstOrDefault();
            return new Row(j.Key.Name, j.Key.Group, t?.Description ?? j.Description ?? "", t?.NextFireTimeUtc, t?.PreviousFireTimeUtc, t?.State.ToString() ?? "NoTrigger");
        })];
    }

    /// <summary>Runs <paramref name="job"/> now; for a digest, <paramref name="subscription"/> of <paramref name="tenant"/>. Returns the job's result.</summary>
    /// <exception cref="ArgumentException">No such job, or a digest without its subscription.</exception>
    public async Task<object?> RunAsync(string job, string? tenant, long? subscription, CancellationToken ct)
    {
        var scheduler = await PreparedAsync(ct).ConfigureAwait(false);
        JobKey key;
        var extra = new JobDataMap();
        if (job is "digest" or "morning" or "weekly")
        {
            if (tenant is null || subscription is null)
                throw new ArgumentException("A digest needs --tenant and --subscription / un résumé demande --tenant et --subscription");
            var found = await services.GetRequiredService<SubscriptionStore>().GetAsync(tenant, subscription.Value, ct).ConfigureAwait(false)
                ?? throw new ArgumentException($"No subscription {subscription} for {tenant} / aucun abonnement {subscription} pour {tenant}");
            key = JobKeys.ForSubscription(found);
            extra[DigestJob.ManualKey] = "true";
        }
        else
        {
            key = JobKeys.System.FirstOrDefault(k => k.Name == job)
                ?? throw new ArgumentException($"Unknown job '{job}'; one of: digest, {string.Join(", ", JobKeys.System.Select(k => k.Name))} / tâche inconnue");
        }
        var detail = await scheduler.GetJobDetail(key, ct).ConfigureAwait(false)
            ?? throw new ArgumentException($"Job {key} is not in the store / la tâche {key} n'est pas planifiée");
        await using var scope = services.CreateAsyncScope();
        var instance = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, detail.JobType.Type);
        var context = new ManualJobContext(scheduler, detail, instance, extra, time, ct);
        await instance.Execute(context, ct).ConfigureAwait(false);
        if (detail.PersistJobDataAfterExecution)
        {
            await scheduler.AddJob(detail, new AddJobOptions { Replace = true, StoreNonDurableWhileAwaitingScheduling = true }, ct).ConfigureAwait(false);
        }
        return context.Result;
    }

    private async Task<IScheduler> PreparedAsync(CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct).ConfigureAwait(false);
        await SchedulerService.EnsureSystemJobsAsync(scheduler, options, time, ct).ConfigureAwait(false);
        await reconciler.ReconcileAsync(scheduler, ct).ConfigureAwait(false);
        return scheduler;
    }
}
