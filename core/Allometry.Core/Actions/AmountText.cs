namespace Allometry.Core.Actions;

using System.Globalization;

/// <summary>
/// Reads an amount typed by a person in either language, exactly to the cent: <c>1234.56</c>,
/// <c>1 234,56</c>, <c>$1,234.56</c>, <c>1 234,56 $</c>, <c>1.234,56</c>. The last separator
/// followed by one or two digits (or a lone dot) is the decimal mark; the others group thousands. More than two
/// decimals, letters or an empty text are refused (null), never rounded.
/// </summary>
public static class AmountText
{
    /// <summary>The amount, or null when the text is not one.</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var chars = new List<char>(text.Length);
        var negative = false;
        foreach (var c in text.Trim())
        {
            if (char.IsDigit(c) || c is ',' or '.') chars.Add(c);
            else if (c == '-' && chars.Count == 0) negative = true;
            else if (c is '$' or ' ' or '\u00A0' or '\u202F' or '\'') continue;
            else return null;
        }
        var s = new string([.. chars]);
        if (s.Length == 0) return null;
        var last = s.LastIndexOfAny([',', '.']);
        string whole, cents = "";
        if (last >= 0)
        {
            var tail = s[(last + 1)..];
            var sameMarks = s.Count(c => c == s[last]);
            var otherMarks = s.Count(c => c is ',' or '.') - sameMarks;
            // "1,234" or "1.234.567": grouping, not a decimal mark. A lone dot is always the decimal
            // mark, so "12.345" is refused (three decimals) rather than read as twelve thousand.
            var isDecimal = tail.Length is 1 or 2 || (tail.Length != 3 && sameMarks == 1) || (otherMarks > 0 && sameMarks == 1)
                || (s[last] == '.' && sameMarks == 1);
            if (isDecimal && tail.Length > 2) return null;
            if (isDecimal)
            {
                whole = s[..last];
                cents = tail;
            }
            else
            {
                whole = s;
            }
        }
        else
        {
            whole = s;
        }
        if (!ValidGrouping(whole)) return null;
        var digits = whole.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (digits.Length == 0 || digits.Length > 12) return null;
        var value = decimal.Parse(digits + (cents.Length > 0 ? "." + cents : ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    // Thousands groups are three digits after the first; one kind of group mark only.
    private static bool ValidGrouping(string whole)
    {
        var marks = whole.Where(c => c is ',' or '.').Distinct().Count();
        if (marks == 0) return true;
        if (marks > 1) return false;
        var groups = whole.Split(',', '.');
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }
}
