namespace Allometry.Core.Diagnostics;

/// <summary>
/// Money as the report carries it: exact, with at least two decimals. Adding <c>0.00m</c> raises
/// a decimal's scale to two without changing its value (5 → 5.00; 1.005 stays 1.005), so JSON
/// written straight from the decimal reads as money.
/// </summary>
internal static class Cents
{
    public static decimal Exact(decimal amount) => amount + 0.00m;

    public static decimal? Exact(decimal? amount) => amount is { } a ? Exact(a) : null;

    /// <summary>A ratio for display: two decimals, half away from zero, scale two.</summary>
    public static decimal Round2(decimal value) => Exact(decimal.Round(value, 2, MidpointRounding.AwayFromZero));
}
