namespace Allometry.Bot.Scheduling;

using Allometry.Core.Ledger;

/// <summary>
/// The scheduler's settings (configuration section <c>Allometry:Scheduler</c>), validated at start
/// by <see cref="Serve.HostConfiguration"/>. Every instance of a cluster must use the same values.
/// </summary>
internal sealed record SchedulerOptions
{
    /// <value>true. False runs the host without firing jobs (an instance that only serves chat).</value>
    public bool Enabled { get; init; } = true;

    /// <value>AUTO: host name plus a timestamp, unique per process, which clustering requires.</value>
    public string InstanceId { get; init; } = "AUTO";

    /// <value>4 jobs at once per instance.</value>
    public int ThreadCount { get; init; } = 4;

    /// <value>5 s: how often an instance tells the cluster it is alive.</value>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <value>10 s past a missed check-in before another instance recovers a dead one's jobs.</value>
    public TimeSpan CheckinMisfireThreshold { get; init; } = TimeSpan.FromSeconds(10);

    /// <value>1 minute: how soon an added or removed subscription is (un)scheduled.</value>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <value>1 minute: how soon an import that arrived by any path is evaluated.</value>
    public TimeSpan ImportPollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <value>15 minutes: how soon an ended snooze resurfaces its card.</value>
    public TimeSpan ResurfaceInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <value>06:00: when the daily renewal pipeline runs, in <see cref="TimeZone"/>.</value>
    public TimeOnly RenewalTime { get; init; } = new(6, 0);

    /// <value>America/Toronto: the zone of the system jobs' local times.</value>
    public string TimeZone { get; init; } = "America/Toronto";

    /// <value>None: the provincial holidays (QC or ON) digests skip when a subscription's own province filter names neither.</value>
    public Province? HolidayProvince { get; init; }
}
