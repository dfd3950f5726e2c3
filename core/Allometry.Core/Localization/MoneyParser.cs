namespace Allometry.Core.Localization;

using System.Globalization;

/// <summary>
/// Reads money as people and accounting exports write it, in English and French: <c>1234.56</c>,
/// <c>1,234.56</c>, <c>1 234,56 $</c> (space, U+00A0, U+202F or U+2009 between groups),
/// <c>1.234,56</c>, <c>-1 234,50 $</c>, <c>1 234,50-</c>, <c>(1,234.56)</c>, <c>CA$1,234.56</c>,
/// <c>1 234,56 CAD</c>. Never goes through floating point, never guesses: group marks must sit
/// every three digits, and a lone comma followed by three digits groups thousands (<c>1,234</c>).
/// The one thing files and people differ on is <see cref="MoneySource"/>.
/// </summary>
/// <remarks>
/// The ledger importers (file cells) and chat actions (typed amounts, <c>Actions.AmountText</c>) both
/// read through here, so an amount means the same wherever it was written.
/// </remarks>
public static class MoneyParser
{
    private static readonly string[] CurrencyMarks = ["CA$", "C$", "CAD", "US$", "$"];

    /// <summary>Parses a money amount: at most two decimals, counted as <paramref name="source"/> says.</summary>
    /// <param name="text">The amount as written.</param>
    /// <param name="source">Who wrote it: a file may print <c>10.000</c> for ten dollars; a person typing <c>12.345</c> is refused.</param>
    /// <param name="value">The amount, with the scale it was written with.</param>
    public static bool TryParseMoney(string? text, MoneySource source, out decimal value) =>
        TryParse(text, out value) && (source == MoneySource.Person ? value.Scale <= 2 : decimal.Round(value, 2) == value);

    /// <summary>Parses any decimal written in one of the accepted styles.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        // Exports and our own workbooks write plain "-1234.56"; only the rest needs the general path.
        if (text is not null && TryParsePlain(text, out value)) return true;
        return TryParseGeneral(text, out value);
    }

    /// <summary>
    /// The plain form <c>-?\d+(\.\d+)?</c> without allocating (public so tests and benchmarks can hold it to <see cref="TryParseGeneral"/>). For that form the general path
    /// parses exactly these digits as an invariant decimal (and then negates), so the result is
    /// the same value with the same scale. False means "not plain", never "not an amount".
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0m;
        var negative = s.Length > 0 && s[0] == '-';
        var digits = negative ? s[1..] : s;
        var dot = -1;
        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[i];
            if (char.IsAsciiDigit(c)) continue;
            if (c != '.' || dot >= 0) return false;
            dot = i;
        }
        if (digits.Length == 0 || dot == 0 || dot == digits.Length - 1) return false;

        var count = dot < 0 ? digits.Length : digits.Length - 1;
        if (count > 18)
        {
            // Too many digits for a ulong mantissa: let decimal round (or overflow) exactly as the general path does.
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
        }
        else
        {
            ulong mantissa = 0;
            foreach (var c in digits)
            {
                if (c != '.') mantissa = (mantissa * 10) + (ulong)(c - '0');
            }
            var scale = dot < 0 ? 0 : digits.Length - dot - 1;
            value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, (byte)scale);
        }
        if (negative) value = -value;
        return true;
    }

    /// <summary>Every accepted style: currency marks, parentheses, trailing minus, group separators, decimal commas.</summary>
    public static bool TryParseGeneral(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();

        var negative = false;
        if (s.StartsWith('(') && s.EndsWith(')'))
        {
            negative = true;
            s = s[1..^1].Trim();
        }
        s = StripCurrency(s);
        if (s.Length > 0 && (s[0] == '-' || s[0] == '\u2212'))
        {
            if (negative) return false;
            negative = true;
            s = s[1..].TrimStart();
        }
        else if (s.Length > 0 && (s[^1] == '-' || s[^1] == '\u2212'))
        {
            // Some ledgers print trailing minus signs: "1 234,50-".
            if (negative) return false;
            negative = true;
            s = s[..^1].TrimEnd();
        }
        s = StripCurrency(s);

        if (!TryNormalize(s, out var invariant)) return false;
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
        if (negative) value = -value;
        return true;
    }

    private static string StripCurrency(string s)
    {
        foreach (var mark in CurrencyMarks)
        {
            if (s.StartsWith(mark, StringComparison.OrdinalIgnoreCase)) return s[mark.Length..].Trim();
            if (s.EndsWith(mark, StringComparison.OrdinalIgnoreCase)) return s[..^mark.Length].Trim();
        }
        return s;
    }

    /// <summary>Turns the digits and separators into "1234.56", deciding which mark is the decimal one.</summary>
    private static bool TryNormalize(string s, out string invariant)
    {
        invariant = "";
        if (s.Length == 0) return false;

        var spaceGrouped = s.Any(IsGroupSpace);
        var compact = new string([.. s.Where(c => !IsGroupSpace(c))]);
        if (compact.Length == 0 || compact.Any(c => !char.IsAsciiDigit(c) && c != '.' && c != ',')) return false;

        var lastComma = compact.LastIndexOf(',');
        var lastDot = compact.LastIndexOf('.');
        char? decimalMark = (lastComma, lastDot) switch
        {
            (-1, -1) => null,
            (>= 0, >= 0) => lastComma > lastDot ? ',' : '.',
            (>= 0, -1) => CommaIsDecimal(compact, spaceGrouped) ? ',' : null,
            _ => compact.Count(c => c == '.') == 1 ? '.' : null,
        };

        var groupMark = decimalMark == ',' ? '.' : ',';
        var split = decimalMark is char d ? compact.Split(d) : [compact];
        if (split.Length > 2) return false;
        var integerPart = split[0];
        var fraction = split.Length == 2 ? split[1] : "";
        if (decimalMark is not null && fraction.Length == 0) return false;
        if (fraction.Any(c => !char.IsAsciiDigit(c))) return false;

        if (integerPart.Contains(groupMark))
        {
            // Group marks must sit every three digits: "1,234,567", never "12,34".
            var groups = integerPart.Split(groupMark);
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3)) return false;
            integerPart = string.Concat(groups);
        }
        if (integerPart.Length == 0) integerPart = "0";
        if (integerPart.Any(c => !char.IsAsciiDigit(c))) return false;
        if (spaceGrouped && !SpaceGroupsAreValid(s)) return false;

        invariant = fraction.Length == 0 ? integerPart : integerPart + "." + fraction;
        return true;
    }

    // A lone comma is a decimal mark unless it reads as an English thousands separator
    // ("1,234"): money has two decimals, so three digits after a single comma mean grouping.
    private static bool CommaIsDecimal(string compact, bool spaceGrouped)
    {
        if (compact.Count(c => c == ',') > 1) return false;
        var digitsAfter = compact.Length - compact.IndexOf(',') - 1;
        return spaceGrouped || digitsAfter != 3;
    }

    private static bool SpaceGroupsAreValid(string s)
    {
        var integerPart = s.Split([',', '.'])[0];
        var groups = integerPart.Split([' ', '\u00A0', '\u202F', '\u2009'], StringSplitOptions.None);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';
}
