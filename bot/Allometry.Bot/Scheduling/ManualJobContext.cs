namespace Allometry.Bot.Scheduling;

using Quartz;

/// <summary>
/// The execution context of a job run by hand (<c>allometry jobs run</c>): the stored job's
/// detail and data plus the caller's extra data, fired "now", not recovering. The job runs in the
/// caller's process, against the same database and the same store, exactly as a firing would.
/// </summary>
internal sealed class ManualJobContext(IScheduler scheduler, IJobDetail detail, IJob instance, JobDataMap data, TimeProvider time, CancellationToken ct) : IJobExecutionContext
{
    private readonly DateTimeOffset _fired = time.GetUtcNow();

    public IScheduler Scheduler => scheduler;
    public ITrigger Trigger { get; } = TriggerBuilder.Create(time).ForJob(detail.Key).StartNow().Build();
    public ICalendar? Calendar => null;
    public bool Recovering => false;
    public TriggerKey RecoveringTriggerKey => throw new InvalidOperationException("A manual run is not a recovery.");
    public int RefireCount => 0;
    public int RetryAttempt => 0;
    public RetryPolicy RetryPolicy => null!;
    public ExecutionOutcome Outcome => default;
    public bool RetryScheduled => false;
    public JobDataMap MergedJobDataMap { get; } = Merge(detail.JobDataMap, data);
    public IJobDetail JobDetail => detail;
    public IJob JobInstance => instance;
    public DateTimeOffset FireTimeUtc => _fired;
    public DateTimeOffset? ScheduledFireTimeUtc => _fired;
    public DateTimeOffset? PreviousFireTimeUtc => null;
    public DateTimeOffset? NextFireTimeUtc => null;
    public string FireInstanceId { get; } = "manual-" + Guid.NewGuid().ToString("N");
    public object? Result { get; set; }
    public TimeSpan JobRunTime => time.GetUtcNow() - _fired;
    public CancellationToken CancellationToken => ct;

    public void ReportProgress(int percent, string? message = null)
    {
    }

    private static JobDataMap Merge(JobDataMap stored, JobDataMap extra)
    {
        var merged = new JobDataMap();
        foreach (var pair in stored) merged[pair.Key] = pair.Value;
        foreach (var pair in extra) merged[pair.Key] = pair.Value;
        return merged;
    }
}
