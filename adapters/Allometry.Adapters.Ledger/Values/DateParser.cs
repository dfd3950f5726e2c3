namespace Allometry.Adapters.Ledger.Values;

using System.Globalization;

/// <summary>
/// Dates against an explicit list of formats, never the culture default (en-CA's short date is
/// M/d/yyyy, fr-CA's is yyyy-MM-dd: guessing would silently swap days and months).
/// <c>03/04/2026</c> is ambiguous unless the file states its format; <c>25/04/2026</c> is not.
/// </summary>
internal static class DateParser
{
    private static readonly string[] Unambiguous =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd", "yyyy.MM.dd",
        "MMM d, yyyy", "MMMM d, yyyy", "MMM dd, yyyy", "d MMM yyyy", "dd MMM yyyy", "d MMMM yyyy", "d-MMM-yyyy", "dd-MMM-yyyy",
    ];

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");

    /// <summary>Parses <paramref name="text"/>; <paramref name="explicitFormat"/> (meta.date_format) settles day/month order.</summary>
    public static DateParseOutcome Parse(string? text, string? explicitFormat = null)
    {
        // The preferred yyyy-MM-dd is the first format tried after a stated one; when no other
        // format is stated, a valid ISO date needs no format list.
        if ((explicitFormat is null || explicitFormat == "yyyy-MM-dd") && text is not null && TryParseIso(text, out var iso))
        {
            return DateParseOutcome.Of(iso);
        }
        return ParseGeneral(text, explicitFormat);
    }

    /// <summary>Exactly ten ASCII characters <c>yyyy-MM-dd</c> naming a real day; anything else is left to the format list.</summary>
    internal static bool TryParseIso(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    /// <summary>The explicit format, then the unambiguous formats, then day-first against month-first.</summary>
    internal static DateParseOutcome ParseGeneral(string? text, string? explicitFormat = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return DateParseOutcome.Invalid;
        var s = StripMidnight(text.Trim());

        if (explicitFormat is not null && TryExact(s, explicitFormat, out var stated)) return DateParseOutcome.Of(stated);
        foreach (var format in Unambiguous)
        {
            if (TryExact(s, format, out var d)) return DateParseOutcome.Of(d);
        }

        var dayFirst = TryAny(s, ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy"], out var dmy);
        var monthFirst = TryAny(s, ["MM/dd/yyyy", "M/d/yyyy", "MM-dd-yyyy", "M-d-yyyy"], out var mdy);
        return (dayFirst, monthFirst) switch
        {
            (true, true) when dmy == mdy => DateParseOutcome.Of(dmy),
            (true, true) => DateParseOutcome.Both(dmy, mdy),
            (true, false) => DateParseOutcome.Of(dmy),
            (false, true) => DateParseOutcome.Of(mdy),
            _ => DateParseOutcome.Invalid,
        };
    }

    /// <summary>True when <paramref name="format"/> is one this parser can honour as meta.date_format.</summary>
    public static bool IsSupportedFormat(string format) =>
        format.Contains("yyyy", StringComparison.Ordinal) && format.Contains('M') && format.Contains('d')
        && format.All(c => c is 'y' or 'M' or 'd' or '/' or '-' or '.' or ' ' or ',')
        && DateOnly.TryParseExact(new DateOnly(2026, 11, 20).ToString(format, CultureInfo.InvariantCulture), format,
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var roundTrip) && roundTrip == new DateOnly(2026, 11, 20);

    // Spreadsheet cells formatted as date-times arrive as "2026-11-20 00:00:00" or "2026-11-20T00:00:00".
    private static string StripMidnight(string s)
    {
        foreach (var suffix in (string[])[" 00:00:00", "T00:00:00", " 0:00:00", " 12:00:00 AM"])
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal)) return s[..^suffix.Length];
        }
        return s;
    }

    private static bool TryAny(string s, string[] formats, out DateOnly date)
    {
        foreach (var format in formats)
        {
            if (TryExact(s, format, out date)) return true;
        }
        date = default;
        return false;
    }

    private static bool TryExact(string s, string format, out DateOnly date) =>
        DateOnly.TryParseExact(s, format, English, DateTimeStyles.AllowWhiteSpaces, out date)
        || DateOnly.TryParseExact(s, format, French, DateTimeStyles.AllowWhiteSpaces, out date)
        || DateOnly.TryParseExact(s.Replace(".", "", StringComparison.Ordinal), format, French, DateTimeStyles.AllowWhiteSpaces, out date);
}
