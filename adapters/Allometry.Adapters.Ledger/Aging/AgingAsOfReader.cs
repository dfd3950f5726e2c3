namespace Allometry.Adapters.Ledger.Aging;

using System.Text.RegularExpressions;
using Allometry.Adapters.Ledger.Tabular;
using Allometry.Adapters.Ledger.Values;

/// <summary>Where the export states its as-of date, and what was read there.</summary>
/// <param name="Row">The preamble row holding the date.</param>
/// <param name="Text">The date as printed.</param>
/// <param name="Outcome">Parsed, or ambiguous with both readings.</param>
internal sealed record AsOfFinding(TabularRow Row, string Text, DateParseOutcome Outcome);

/// <summary>
/// Reads the as-of date from a report's preamble: <c>As of November 20, 2026</c> (QuickBooks),
/// <c>As of 20/11/2026</c> (Zoho Books), <c>As at 2026-11-20</c>, <c>Au 20 novembre 2026</c>,
/// <c>En date du 1er décembre 2026</c>, <c>Date du rapport : 2026-11-20</c>. The date must follow
/// the keyword closely (a weekday may sit between), so "Québec au …" prose is not taken for one.
/// </summary>
internal static partial class AgingAsOfReader
{
    private const int MaxGap = 12;

    /// <summary>The first parseable as-of date, else the first ambiguous one, else null.</summary>
    public static AsOfFinding? Find(IEnumerable<TabularRow> preamble, string? dayMonthOrder)
    {
        AsOfFinding? ambiguous = null;
        foreach (var row in preamble)
        {
            var text = string.Join(" ", row.Cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()));
            foreach (Match keyword in Keyword().Matches(text))
            {
                var rest = text[(keyword.Index + keyword.Length)..];
                var candidate = DateCandidate().Match(rest);
                if (!candidate.Success || candidate.Index > MaxGap) continue;
                var outcome = Parse(candidate.Value, dayMonthOrder);
                if (outcome.Status == DateParseStatus.Parsed) return new AsOfFinding(row, candidate.Value, outcome);
                if (outcome.Status == DateParseStatus.Ambiguous) ambiguous ??= new AsOfFinding(row, candidate.Value, outcome);
            }
        }
        return ambiguous;
    }

    /// <summary>Tries the date as printed, then the spellings <see cref="DateParser"/> knows: "Nov 20, 2026", "1 décembre 2026".</summary>
    internal static DateParseOutcome Parse(string candidate, string? dayMonthOrder)
    {
        var text = Spaces().Replace(candidate.Trim(), " ");
        var outcome = DayMonthOrder.Parse(text, dayMonthOrder);
        if (outcome.Status != DateParseStatus.Invalid) return outcome;

        var variants = new List<string>();
        if (MonthFirst().Match(text) is { Success: true } m)
        {
            variants.Add($"{m.Groups[1].Value} {m.Groups[3].Value}, {m.Groups[4].Value}");
            variants.Add($"{m.Groups[1].Value}. {m.Groups[3].Value}, {m.Groups[4].Value}");
        }
        if (DayFirst().Match(text) is { Success: true } d)
        {
            variants.Add($"{d.Groups[1].Value} {d.Groups[2].Value} {d.Groups[4].Value}");
            variants.Add($"{d.Groups[1].Value} {d.Groups[2].Value}. {d.Groups[4].Value}");
        }
        foreach (var variant in variants)
        {
            var parsed = DateParser.Parse(variant);
            if (parsed.Status == DateParseStatus.Parsed) return parsed;
        }
        return outcome;
    }

    [GeneratedRegex(@"\b(?:as\s+of|as\s+at|as\s+on|aging\s+date|report\s+date|date\s+of\s+report|en\s+date\s+du|en\s+date\s+de|[àa]\s+la\s+date\s+du|date\s+du\s+rapport|arr[êe]t[ée]\s+au|[àa]\s+jour\s+au|au)\b\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}(?:er)?\s+\p{L}{3,}\.?\s+\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex DateCandidate();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(\p{L}+)(\.?)\s+(\d{1,2}),?\s+(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"^(\d{1,2})(?:er)?\s+(\p{L}+)(\.?)\s+(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();
}
