namespace Allometry.Bot.Scheduling;

using System.Runtime;

/// <summary>
/// Gives the memory of a whole-tenant evaluation back to the operating system once it is done.
/// The evaluation reads the tenant's ledger into memory (about 1 GB at 1,000,000 invoices, see
/// tests/benchmarks/HostRssBenchmark) and drops it when it returns; left to itself the GC keeps
/// that memory committed until allocation pressure asks for it again, so a host that needs about
/// 200 MB between evaluations would stay at the evaluation's peak for hours.
/// </summary>
internal static class MemoryRelease
{
    /// <value>256 MB committed by the GC: below it nothing large was held, and a collection would only cost time.</value>
    public const long ThresholdBytes = 256L * 1024 * 1024;

    /// <summary>
    /// After a large job: a blocking, compacting, aggressive full collection (the large object heap
    /// compacted too, and freed regions decommitted) when the GC holds more than <see cref="ThresholdBytes"/>.
    /// Returns whether it collected. Costs one full blocking collection of what is still alive (tens of ms).
    /// </summary>
    public static bool AfterLargeJob()
    {
        if (GC.GetGCMemoryInfo().TotalCommittedBytes < ThresholdBytes) return false;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return true;
    }
}
