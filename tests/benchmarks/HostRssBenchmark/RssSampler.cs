namespace Allometry.Benchmarks.HostRss;

using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Reads VmRSS and VmHWM of another process from /proc/&lt;pid&gt;/status every 500 ms, each sample
/// tagged with the phase the benchmark is in, until disposed.
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly int _pid;
    private readonly List<Sample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private volatile string _phase = "start";

    public sealed record Sample(TimeSpan At, string Phase, long RssBytes, long HwmBytes);

    public RssSampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Samples from now on carry <paramref name="phase"/>.</summary>
    public void Enter(string phase) => _phase = phase;

    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (_samples) return [.. _samples];
        }
    }

    /// <summary>The latest VmHWM (the process's peak RSS since it started).</summary>
    public long Peak => Samples.Count == 0 ? -1 : Samples[^1].HwmBytes;

    /// <summary>Median VmRSS of the last <paramref name="seconds"/> of <paramref name="phase"/>.</summary>
    public double MedianMb(string phase, int seconds)
    {
        var inPhase = Samples.Where(s => s.Phase == phase).ToList();
        if (inPhase.Count == 0) return double.NaN;
        var from = inPhase[^1].At - TimeSpan.FromSeconds(seconds);
        var values = inPhase.Where(s => s.At > from).Select(s => s.RssBytes / 1048576.0).Order().ToList();
        return values[values.Count / 2];
    }

    /// <summary>Highest VmRSS seen during <paramref name="phase"/>.</summary>
    public double MaxMb(string phase) => Samples.Where(s => s.Phase == phase).Select(s => s.RssBytes / 1048576.0).DefaultIfEmpty(double.NaN).Max();

    /// <summary>Reads the two fields once; null when the process is gone.</summary>
    public static (long Rss, long Hwm)? Read(int pid)
    {
        long rss = -1, hwm = -1;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kb(line);
            }
        }
        catch (IOException)
        {
            return null;
        }
        return rss < 0 ? null : (rss, hwm);
    }

    private static long Kb(string line) =>
        long.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (Read(_pid) is not { } read) return;
            lock (_samples) _samples.Add(new Sample(_clock.Elapsed, _phase, read.Rss, read.Hwm));
        }
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
