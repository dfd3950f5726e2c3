namespace Allometry.Bot.Scheduling;

using Microsoft.Extensions.Hosting;

/// <summary>
/// Every ten seconds, between whole-ledger jobs, gives back memory that work outside the jobs left
/// behind: a card click's first compose reads the tenant's whole ledger to score its payers, and
/// nothing makes the GC return it while the host only answers questions — measured with
/// HostRssBenchmark at 1,000,000 invoices, a host clicked once a minute held 1.2 GB until the clicks
/// stopped. Costs a full blocking collection only while the GC holds more than
/// <see cref="MemoryRelease.ThresholdBytes"/> (a host at rest holds less, so it costs nothing).
/// </summary>
internal sealed class MemoryTrimmer(LedgerWorkGate gate, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            // No work of its own: the gate waits for a running job, then releases what is no longer held.
            await gate.RunAsync(_ => Task.FromResult(0), stoppingToken).ConfigureAwait(false);
        }
    }
}
