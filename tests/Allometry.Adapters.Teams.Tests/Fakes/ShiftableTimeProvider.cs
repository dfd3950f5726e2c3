namespace Allometry.Adapters.Teams.Tests.Fakes;

/// <summary>Real time moved by <see cref="Advance"/>, for key-cache and token-lifetime tests.</summary>
internal sealed class ShiftableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
