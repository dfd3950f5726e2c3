namespace Allometry.Adapters.Ledger.Values;

/// <summary>
/// Percentages as the contract writes them: <c>50</c> or <c>50 %</c> means fifty percent,
/// <c>9,975</c> in French. A value between 0 and 100.
/// </summary>
internal static class PercentageParser
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().TrimEnd('%').Trim();
        // Nobody writes a thousand percent: a single comma in a percentage is a decimal mark.
        if (s.Count(c => c == ',') == 1 && !s.Contains('.', StringComparison.Ordinal)) s = s.Replace(',', '.');
        return AmountParser.TryParse(s, out value) && value is >= 0m and <= 100m;
    }
}
