namespace Allometry.Adapters.Ledger.Aging;

using System.Globalization;
using System.Text.RegularExpressions;
using Allometry.Adapters.Ledger.Values;

/// <summary>
/// Settles <c>03/04/2026</c> for a whole export the way a person would: a report is written in
/// one date format, so a single <c>25/10/2026</c> (day first) or <c>10/25/2026</c> (month first)
/// anywhere in it decides every other slash date. When the file never says, or says both,
/// ambiguous dates stay errors (import-format.md: an ambiguous date is an error, not a guess).
/// </summary>
internal static partial class DayMonthOrder
{
    private const string DayFirst = "d/M/yyyy";
    private const string MonthFirst = "M/d/yyyy";

    /// <summary>The format the file's dates reveal, or null when they do not.</summary>
    public static string? Infer(IEnumerable<string?> texts)
    {
        bool dayFirst = false, monthFirst = false;
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text)) continue;
            foreach (Match m in SlashDate().Matches(text))
            {
                var a = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                var b = int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
                dayFirst |= a > 12 && b <= 12;
                monthFirst |= b > 12 && a <= 12;
            }
        }
        return dayFirst == monthFirst ? null : dayFirst ? DayFirst : MonthFirst;
    }

    /// <summary>Parses with the inferred order, adapting its separator to the text's (<c>-</c> or <c>.</c>).</summary>
    public static DateParseOutcome Parse(string? text, string? order)
    {
        if (order is null || text is null) return DateParser.Parse(text);
        var separator = SlashDate().Match(text) is { Success: true } m ? m.Groups[3].Value : "/";
        return DateParser.Parse(text, order.Replace("/", separator, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?<!\d)(\d{1,2})[/.-](\d{1,2})([/.-])\d{4}(?!\d)")]
    private static partial Regex SlashDate();
}
