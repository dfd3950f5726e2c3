namespace Allometry.Benchmarks.Import;

using System.Diagnostics;
using System.Globalization;

/// <summary>
/// CPU seconds from /proc (Linux), which a shared machine disturbs far less than wall time: this
/// process, its finished child processes (psql), and the PostgreSQL server (the postmaster, the
/// backends it has reaped and the ones still running).
/// </summary>
internal static class CpuTime
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Self() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>CPU of this process's children that have exited and been waited for.</summary>
    public static TimeSpan Children()
    {
        var f = Fields("/proc/self/stat");
        return f is null ? TimeSpan.Zero : Ticks(f[13] + f[14]);
    }

    public static TimeSpan Server(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return TimeSpan.Zero;
        var postmaster = long.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!long.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid)) continue;
            var f = Fields(Path.Combine(dir, "stat"));
            if (f is null) continue;
            // Fields after the command: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.
            if (pid == postmaster) ticks += f[11] + f[12] + f[13] + f[14];
            else if (f[1] == postmaster) ticks += f[11] + f[12];
        }
        return Ticks(ticks);
    }

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    // The numeric fields after "(comm)", which may itself hold spaces; the state letter becomes 0.
    private static long[]? Fields(string statFile)
    {
        string text;
        try
        {
            text = File.ReadAllText(statFile);
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return [.. rest.Select(s => long.TryParse(s, CultureInfo.InvariantCulture, out var v) ? v : 0)];
    }
}
