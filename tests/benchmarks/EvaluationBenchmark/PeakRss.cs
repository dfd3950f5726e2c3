namespace Allometry.Benchmarks.Evaluation;

using System.Globalization;
using System.Runtime;

/// <summary>The process's resident set size from /proc/self/status: VmHWM (peak) and VmRSS (now), in bytes.</summary>
internal static class PeakRss
{
    /// <summary>
    /// Compacts the managed heap, then resets VmHWM to the current RSS (Linux: "5" to
    /// /proc/self/clear_refs), so generating and importing the ledger does not count.
    /// </summary>
    public static void Reset()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not Linux or not permitted: the peak then includes the generation step.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static long Read() => Field("VmHWM:");

    public static long Current() => Field("VmRSS:");

    private static long Field(string name)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return -1;
    }
}
