namespace Allometry.Adapters.Ledger.Aging;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>How an aging column header is written; it tells the vendor and the aging basis apart.</summary>
internal enum IntervalStyle
{
    /// <summary><c>Current</c>, <c>Courant</c>, <c>Actuel</c>.</summary>
    Current,
    /// <summary><c>1 - 30</c>, <c>16-30 Days</c>, <c>1 à 30</c>.</summary>
    Range,
    /// <summary><c>91 and over</c>, <c>91+</c>, <c>91 et plus</c>: the number is included.</summary>
    AtLeast,
    /// <summary><c>&gt;90</c>, <c>&gt; 45 Days</c>, <c>Plus de 90</c>: the number is excluded.</summary>
    Over,
    /// <summary><c>&lt; 30 days</c> (Sage): up to the number, exclusive, from where the previous column ended.</summary>
    Under,
    /// <summary><c>Older</c> (Sage): everything past the previous column.</summary>
    Older,
}

/// <summary>
/// Reads aging column headers generically, because the intervals are configurable (Zoho Books
/// lets each organization choose them). Headers are expected normalized by <see cref="AgingText.Normalize"/>.
/// </summary>
internal static partial class AgingIntervalParser
{
    private const string Unit = @"(?:\s*(?:days?|jours?|j))?(?:\s*(?:past due|overdue|en retard|en souffrance|de retard|echus?))?";

    /// <summary>
    /// Parses one header. <paramref name="previousUpper"/> is where the column to its left ended,
    /// which <c>&lt; 60 days</c> and <c>Older</c> need to know where they start.
    /// </summary>
    public static bool TryParse(string header, int? previousUpper, out AgingInterval interval, out IntervalStyle style)
    {
        interval = AgingInterval.Current;
        style = IntervalStyle.Current;
        if (CurrentPattern().IsMatch(header)) return true;

        if (RangePattern().Match(header) is { Success: true } range)
        {
            style = IntervalStyle.Range;
            var (lower, upper) = (Int(range, 1), Int(range, 2));
            interval = new AgingInterval(lower, upper);
            return lower <= upper;
        }
        if (AtLeastPattern().Match(header) is { Success: true } atLeast)
        {
            style = IntervalStyle.AtLeast;
            interval = new AgingInterval(Int(atLeast, 1), null);
            return true;
        }
        if (OverPattern().Match(header) is { Success: true } over)
        {
            style = IntervalStyle.Over;
            interval = new AgingInterval(Int(over, 1) + 1, null);
            return true;
        }
        if (UnderPattern().Match(header) is { Success: true } under)
        {
            style = IntervalStyle.Under;
            var lower = previousUpper is int p ? p + 1 : 0;
            var upper = Int(under, 1) - 1;
            interval = new AgingInterval(lower, upper);
            return lower <= upper;
        }
        if (OlderPattern().IsMatch(header) && previousUpper is int last)
        {
            style = IntervalStyle.Older;
            interval = new AgingInterval(last + 1, null);
            return true;
        }
        return false;
    }

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:current|courant|actuel|a echoir|non echu|not due|not yet due)$")]
    private static partial Regex CurrentPattern();

    [GeneratedRegex(@"^(\d{1,4})\s*(?:days?|jours?|j)?\s*(?:-|to|a|au)\s*(\d{1,4})" + Unit + "$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(\d{1,4})\s*(?:days?|jours?|j)?\s*(?:\+|and over|or more|and older|or older|et plus|ou plus)" + Unit + "$")]
    private static partial Regex AtLeastPattern();

    [GeneratedRegex(@"^(?:>|over|more than|greater than|above|plus de|superieur a)\s*(\d{1,4})" + Unit + "$")]
    private static partial Regex OverPattern();

    [GeneratedRegex(@"^(?:<|under|less than|moins de|inferieur a)\s*(\d{1,4})" + Unit + "$")]
    private static partial Regex UnderPattern();

    [GeneratedRegex(@"^(?:older|plus ancien|plus anciens|plus vieux|anterieur)$")]
    private static partial Regex OlderPattern();
}
