namespace Allometry.Bot.Scheduling;

/// <summary>
/// Lets one whole-ledger job at a time run in this process, and gives its memory back when it ends.
/// A tenant's evaluation (import poll, resurfacing) and a morning digest's risk queue each read the
/// tenant's whole ledger into memory — about 1 GB at 1,000,000 invoices — and the scheduler runs up
/// to <see cref="SchedulerOptions.ThreadCount"/> jobs at once: measured with HostRssBenchmark, four
/// such jobs side by side took the host past 5 GB, on 2 CPUs that they then shared without finishing
/// sooner. One at a time, each followed by <see cref="MemoryRelease.AfterLargeJob"/>, bounds the peak
/// to one ledger and brings the host back to its resting size between jobs.
/// </summary>
internal sealed class LedgerWorkGate : IDisposable
{
    private static readonly TimeSpan ReleaseDelay = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Runs <paramref name="work"/> when no other whole-ledger job runs here, then releases the memory it held.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _one.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await work(ct).ConfigureAwait(false);
        }
        finally
        {
            // Not right here: the job's task may have completed inline, on the stack of the code that
            // read the ledger (an await's continuation runs where its task completes), and that frame
            // keeps the ledger reachable until it unwinds — measured: an evaluation's memory stayed
            // resident while a digest's, whose last await was I/O, came back. A timer continuation a
            // moment later runs on a fresh stack.
            await Task.Delay(ReleaseDelay, CancellationToken.None).ConfigureAwait(false);
            MemoryRelease.AfterLargeJob();
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}
