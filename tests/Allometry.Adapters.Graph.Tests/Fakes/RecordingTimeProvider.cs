namespace Allometry.Adapters.Graph.Tests.Fakes;

using System.Collections.Concurrent;

/// <summary>Real time whose timers run 100 times faster; the waits asked for are recorded.</summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public ConcurrentQueue<TimeSpan> RequestedDelays { get; } = new();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan) RequestedDelays.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : dueTime / 100, period);
    }
}
