namespace Allometry.Bot.Scheduling;

using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

/// <summary>
/// Starts the clustered scheduler with the host and stops it with the host, waiting for running
/// jobs to finish (graceful shutdown). At start it makes sure the system jobs exist in the store
/// (an instance joining a running cluster changes nothing that is already right) and reconciles
/// the subscriptions once, so a fresh host schedules them without waiting a minute.
/// </summary>
internal sealed partial class SchedulerService(ISchedulerFactory factory, SubscriptionReconciler reconciler, SchedulerOptions options,
    TimeProvider time, ILogger<SchedulerService> logger) : IHostedService
{
    private IScheduler? _scheduler;

    /// <summary>True while the scheduler runs (not created, standing by or shut down).</summary>
    public bool IsRunning => _scheduler is { Status: SchedulerStatus.Running };

    /// <summary>The scheduler once started; null before.</summary>
    public IScheduler? Scheduler => _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        await EnsureSystemJobsAsync(scheduler, options, time, cancellationToken).ConfigureAwait(false);
        await reconciler.ReconcileAsync(scheduler, cancellationToken).ConfigureAwait(false);
        if (options.Enabled)
        {
            await scheduler.Start(cancellationToken).ConfigureAwait(false);
            LogStarted(logger, scheduler.SchedulerInstanceId);
        }
        _scheduler = scheduler;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's lifetime and the host's disposal may both ask; the first one stops it.
        if (Interlocked.Exchange(ref _scheduler, null) is { } scheduler)
        {
            // Waits for running jobs: a digest half enqueued is finished, not abandoned.
            await scheduler.Shutdown(true, cancellationToken).ConfigureAwait(false);
            LogStopped(logger, scheduler.SchedulerInstanceId);
        }
    }

    /// <summary>Adds the system jobs that are missing and reschedules those whose schedule changed.</summary>
    public static async Task EnsureSystemJobsAsync(IScheduler scheduler, SchedulerOptions options, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(options);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        await EnsureAsync<ReconcileSubscriptionsJob>(scheduler, JobKeys.ReconcileSubscriptions, "Reconciles subscriptions with their schedules", Every(options.ReconcileInterval), time, ct).ConfigureAwait(false);
        await EnsureAsync<EvaluateImportsJob>(scheduler, JobKeys.EvaluateImports, "Evaluates tenants after each import", Every(options.ImportPollInterval), time, ct).ConfigureAwait(false);
        await EnsureAsync<ResurfaceSnoozedJob>(scheduler, JobKeys.ResurfaceSnoozed, "Resurfaces exceptions whose snooze ended", Every(options.ResurfaceInterval), time, ct).ConfigureAwait(false);
        var renewalCron = string.Create(CultureInfo.InvariantCulture, $"0 {options.RenewalTime.Minute} {options.RenewalTime.Hour} * * ?");
        await EnsureAsync<RenewalPipelineJob>(scheduler, JobKeys.RenewalPipeline, "Daily renewal pipeline",
            new Schedule($"daily {options.RenewalTime:HH\\:mm} {options.TimeZone}", CronScheduleBuilder.Create(renewalCron).InTimeZone(zone)), time, ct).ConfigureAwait(false);
    }

    private sealed record Schedule(string Text, IScheduleBuilder Builder);

    private static Schedule Every(TimeSpan interval) => new(
        "every " + interval.ToString("c", CultureInfo.InvariantCulture),
        SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));

    private static async Task EnsureAsync<TJob>(IScheduler scheduler, JobKey key, string description, Schedule schedule, TimeProvider time, CancellationToken ct) where TJob : IJob
    {
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(JobKeys.TriggerFor(key))
            .ForJob(key)
            .WithDescription(schedule.Text)
            .StartNow()
            .WithSchedule(schedule.Builder)
            .Build();
        if (!await scheduler.Exists(key, ct).ConfigureAwait(false))
        {
            var job = JobBuilder.Create<TJob>().WithIdentity(key).WithDescription(description).StoreDurably(true).RequestRecovery(true).Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct).ConfigureAwait(false);
            return;
        }
        var current = await scheduler.GetTrigger(trigger.Key, ct).ConfigureAwait(false);
        if (current is null)
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct).ConfigureAwait(false);
        }
        else if (!string.Equals(current.Description, schedule.Text, StringComparison.Ordinal))
        {
            await scheduler.RescheduleJob(trigger.Key, trigger, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler started as cluster instance {InstanceId}")]
    private static partial void LogStarted(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler instance {InstanceId} stopped after its running jobs finished")]
    private static partial void LogStopped(ILogger logger, string instanceId);
}
