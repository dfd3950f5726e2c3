namespace Allometry.Bot.Scheduling;

using Microsoft.Extensions.Logging;
using Quartz;

/// <summary>
/// One structured log line per job run: which job, the occurrence it ran for (its scheduled fire
/// time), the cluster instance that ran it, whether it was a recovery of a dead instance's
/// firing, how long it took and how it ended. Operators read what ran from here; the cluster
/// tests read it to check that every occurrence ran exactly once.
/// </summary>
internal sealed partial class JobRunLogger(ILogger<JobRunLogger> logger) : IJobListener
{
    public string Name => "allometry-job-runs";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheduled = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).ToUnixTimeMilliseconds();
        if (jobException is null)
        {
            LogRan(logger, context.JobDetail.Key.ToString(), scheduled, context.Scheduler.SchedulerInstanceId, context.Recovering, (long)context.JobRunTime.TotalMilliseconds);
        }
        else
        {
            // The exception's type and message only: job messages never carry secrets or bodies.
            LogFailed(logger, context.JobDetail.Key.ToString(), scheduled, context.Scheduler.SchedulerInstanceId, context.Recovering,
                (long)context.JobRunTime.TotalMilliseconds, (jobException.InnerException ?? jobException).GetType().Name, (jobException.InnerException ?? jobException).Message);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Job {Job} ran for {ScheduledMs} on {Instance} (recovering: {Recovering}) in {ElapsedMs} ms")]
    private static partial void LogRan(ILogger logger, string job, long scheduledMs, string instance, bool recovering, long elapsedMs);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Job {Job} failed for {ScheduledMs} on {Instance} (recovering: {Recovering}) after {ElapsedMs} ms: {Error}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string job, long scheduledMs, string instance, bool recovering, long elapsedMs, string error, string reason);
}
