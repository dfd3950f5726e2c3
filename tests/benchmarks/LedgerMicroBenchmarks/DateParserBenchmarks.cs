namespace Allometry.Benchmarks.Micro;

using Allometry.Adapters.Ledger.Values;
using BenchmarkDotNet.Attributes;

/// <summary>One date: ISO through the fast path and through the format list (the only path before), and a day-first date.</summary>
public class DateParserBenchmarks
{
    [Benchmark(Baseline = true, Description = "2026-11-20, format list (before)")]
    public DateOnly IsoGeneral() => DateParser.ParseGeneral("2026-11-20").Value;

    [Benchmark(Description = "2026-11-20, Parse (fast path)")]
    public DateOnly Iso() => DateParser.Parse("2026-11-20").Value;

    [Benchmark(Description = "25/04/2026, Parse (format list)")]
    public DateOnly DayFirst() => DateParser.Parse("25/04/2026").Value;
}
