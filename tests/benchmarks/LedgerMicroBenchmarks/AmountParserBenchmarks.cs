namespace Allometry.Benchmarks.Micro;

using Allometry.Adapters.Ledger.Values;
using BenchmarkDotNet.Attributes;

/// <summary>One amount: the plain form a ledger mostly holds, through the fast path and through the general path (the only path before), and a formatted one.</summary>
public class AmountParserBenchmarks
{
    [Benchmark(Baseline = true, Description = "plain 12345.67, general path (before)")]
    public decimal PlainGeneral()
    {
        AmountParser.TryParseGeneral("12345.67", out var value);
        return value;
    }

    [Benchmark(Description = "plain 12345.67, TryParseMoney (fast path)")]
    public decimal Plain()
    {
        AmountParser.TryParseMoney("12345.67", out var value);
        return value;
    }

    [Benchmark(Description = "plain -0.01, TryParseMoney (fast path)")]
    public decimal PlainNegative()
    {
        AmountParser.TryParseMoney("-0.01", out var value);
        return value;
    }

    [Benchmark(Description = "formatted 1 234,56 $ (general path)")]
    public decimal Formatted()
    {
        AmountParser.TryParseMoney("1\u00A0234,56 $", out var value);
        return value;
    }
}
