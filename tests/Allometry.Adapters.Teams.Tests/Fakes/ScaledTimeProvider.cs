namespace Allometry.Adapters.Teams.Tests.Fakes;

using System.Collections.Concurrent;

/// <summary>
/// Real time, but timers (Task.Delay with this provider) run <see cref="Scale"/> times faster and their
/// requested durations are recorded, so a test can assert the backoff asked for without waiting it out.
/// </summary>
internal sealed class ScaledTimeProvider(double scale = 0.01, DateTimeOffset? fixedNow = null) : TimeProvider
{
    public double Scale { get; } = scale;

    /// <summary>The frozen "now" when one was given (tests on the sample ledger's date), else real time.</summary>
    public override DateTimeOffset GetUtcNow() => fixedNow ?? System.GetUtcNow();

    public ConcurrentQueue<TimeSpan> RequestedDelays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan) RequestedDelays.Enqueue(dueTime);
        var scaled = dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.FromTicks((long)(dueTime.Ticks * Scale));
        return System.CreateTimer(callback, state, scaled, period);
    }
}
