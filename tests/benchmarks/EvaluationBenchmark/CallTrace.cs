namespace Allometry.Benchmarks.Evaluation;

using System.Globalization;
using System.Runtime;
using Allometry.Core.Postgres.Exceptions;

// Where an incremental call's tail comes from, from the client's side: each call's wall time, its
// own steps (ExceptionEvaluation.Timings) and what the .NET GC did meanwhile (pause time and
// collections by generation, bytes allocated), so a slow call can be told apart as GC, a step that
// waited on the server, or time between the steps.
internal sealed class CallTrace(string name)
{
    private readonly List<Call> _calls = [];

    public static GcMark Mark() => new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(false));

    public void Add(double milliseconds, EvaluationTimings? steps, GcMark before) => _calls.Add(new Call(_calls.Count + 1, milliseconds, steps, Mark() - before));

    public static string GcMode()
    {
        var info = GC.GetGCMemoryInfo();
        return string.Create(CultureInfo.InvariantCulture,
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, concurrent {AppContext.GetData("System.GC.Concurrent") ?? "default (on)"}, latency mode {GCSettings.LatencyMode}, heap {info.HeapSizeBytes / 1048576.0:0} MB, committed {info.TotalCommittedBytes / 1048576.0:0} MB");
    }

    public IEnumerable<string> Report(double threshold)
    {
        var ci = CultureInfo.InvariantCulture;
        var withGc = _calls.Count(c => c.Gc.Collections > 0);
        var slow = _calls.Where(c => c.Milliseconds > threshold).ToList();
        var pauses = _calls.Sum(c => c.Gc.Pause.TotalMilliseconds);
        yield return string.Create(ci,
            $"{name}: {_calls.Count} calls; {withGc} with a GC (gen0 {_calls.Sum(c => c.Gc.Gen0)}, gen1 {_calls.Sum(c => c.Gc.Gen1)}, gen2 {_calls.Sum(c => c.Gc.Gen2)}), " +
            $"GC pauses {pauses:0.0} ms in all, max {(_calls.Count == 0 ? 0 : _calls.Max(c => c.Gc.Pause.TotalMilliseconds)):0.0} ms in one call; " +
            $"allocated p50 {Percentile(_calls.Select(c => c.Gc.Allocated / 1024.0).ToList(), 50):0} KB a call");
        yield return string.Create(ci,
            $"  over {threshold:0} ms: {slow.Count} calls, {slow.Count(c => c.Gc.Collections > 0)} of them with a GC, their GC pauses {slow.Sum(c => c.Gc.Pause.TotalMilliseconds):0.0} ms of {slow.Sum(c => c.Milliseconds):0.0} ms");
        var half = _calls.Count / 2;
        yield return string.Create(ci,
            $"  p50 / p99 of the first {half} calls {Percentile(_calls.Take(half).Select(c => c.Milliseconds).ToList(), 50):0.0} / {Percentile(_calls.Take(half).Select(c => c.Milliseconds).ToList(), 99):0.0} ms, " +
            $"of the last {_calls.Count - half} {Percentile(_calls.Skip(half).Select(c => c.Milliseconds).ToList(), 50):0.0} / {Percentile(_calls.Skip(half).Select(c => c.Milliseconds).ToList(), 99):0.0} ms; " +
            $"the calls over {threshold:0} ms by tenth of the run: {string.Join(" ", Enumerable.Range(0, 10).Select(t => _calls.Skip(t * _calls.Count / 10).Take((t + 1) * _calls.Count / 10 - t * _calls.Count / 10).Count(c => c.Milliseconds > threshold)))}");
        foreach (var call in _calls.OrderByDescending(c => c.Milliseconds).Take(6))
        {
            var s = call.Steps;
            var steps = s is null ? "" : string.Create(ci,
                $"load {s.Load.TotalMilliseconds:0.0}, rules {s.Rules.TotalMilliseconds:0.0}, states {s.States.TotalMilliseconds:0.0}, plan {s.Plan.TotalMilliseconds:0.0}, apply {s.Apply.TotalMilliseconds:0.0}, outside the steps {call.Milliseconds - s.Total.TotalMilliseconds:0.0}; ");
            yield return string.Create(ci,
                $"  #{call.Index,-4} {call.Milliseconds,6:0.0} ms: {steps}GC pause {call.Gc.Pause.TotalMilliseconds:0.0} ms (gen0 {call.Gc.Gen0}, gen1 {call.Gc.Gen1}, gen2 {call.Gc.Gen2})");
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private sealed record Call(int Index, double Milliseconds, EvaluationTimings? Steps, GcMark Gc);
}

internal readonly record struct GcMark(TimeSpan Pause, int Gen0, int Gen1, int Gen2, long Allocated)
{
    // GC.CollectionCount(0) counts every collection (a gen2 one collects gen0 too).
    public int Collections => Gen0;

    public static GcMark operator -(GcMark a, GcMark b) => new(a.Pause - b.Pause, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Allocated - b.Allocated);
}
