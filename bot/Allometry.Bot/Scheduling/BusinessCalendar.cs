namespace Allometry.Bot.Scheduling;

using Allometry.Core.Ledger;

/// <summary>
/// Business days for the digests: Monday to Friday, less the statutory holidays of Quebec or
/// Ontario when a subscription (or the host) asks for them. Computed in code, year by year, so
/// there is no table to keep up to date: fixed dates, "the nth Monday", Easter (the Gregorian
/// computus) and the "Monday before May 25" rule cover both provinces.
/// </summary>
/// <remarks>
/// A fixed-date holiday that falls on a weekend is observed on the next business day (Ontario's
/// practice for New Year's Day, Canada Day, Christmas and Boxing Day; Quebec moves Canada Day and
/// the Fête nationale from a Sunday to the Monday). Only QC and ON are known; other provinces get
/// Monday to Friday.
/// </remarks>
internal static class BusinessCalendar
{
    /// <summary>True when <paramref name="date"/> is a weekday and not a holiday of <paramref name="province"/>.</summary>
    public static bool IsBusinessDay(DateOnly date, Province? province) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayName(date, province) is null;

    /// <summary>The holiday's bilingual name when <paramref name="date"/> is one (observed date), else null.</summary>
    public static string? HolidayName(DateOnly date, Province? province)
    {
        if (province is not (Province.QC or Province.ON)) return null;
        foreach (var (day, name) in Holidays(date.Year, province.Value))
        {
            if (day == date) return name;
        }
        return null;
    }

    /// <summary>The observed holidays of <paramref name="year"/> in <paramref name="province"/> (QC or ON).</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Holidays(int year, Province province)
    {
        var easter = EasterSunday(year);
        var list = new List<(DateOnly, string)>
        {
            (Observed(new DateOnly(year, 1, 1)), "New Year's Day / Jour de l'An"),
            (easter.AddDays(-2), "Good Friday / Vendredi saint"),
            (Observed(new DateOnly(year, 7, 1)), "Canada Day / Fête du Canada"),
            (NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labour Day / Fête du Travail"),
            (NthWeekday(year, 10, DayOfWeek.Monday, 2), "Thanksgiving / Action de grâce"),
            (MondayBeforeMay25(year), province == Province.QC ? "National Patriots' Day / Journée nationale des patriotes" : "Victoria Day / Fête de la Reine"),
        };
        if (province == Province.QC)
        {
            list.Add((Observed(new DateOnly(year, 6, 24)), "Fête nationale du Québec / Quebec National Holiday"));
            list.Add((Observed(new DateOnly(year, 12, 25)), "Christmas Day / Noël"));
        }
        else
        {
            list.Add((NthWeekday(year, 2, DayOfWeek.Monday, 3), "Family Day / Jour de la Famille"));
            var (christmas, boxing) = ChristmasAndBoxingDay(year);
            list.Add((christmas, "Christmas Day / Noël"));
            list.Add((boxing, "Boxing Day / Lendemain de Noël"));
        }
        return list;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    // Christmas on a weekend pushes Boxing Day along with it: Sat 25 → Mon 27 and Tue 28.
    private static (DateOnly Christmas, DateOnly Boxing) ChristmasAndBoxingDay(int year)
    {
        var christmas = Observed(new DateOnly(year, 12, 25));
        var boxing = new DateOnly(year, 12, 26);
        if (boxing.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || boxing <= christmas)
        {
            boxing = Observed(boxing);
            if (boxing <= christmas) boxing = christmas.AddDays(1);
        }
        return (christmas, boxing);
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly MondayBeforeMay25(int year)
    {
        var may24 = new DateOnly(year, 5, 24);
        return may24.AddDays(-(((int)may24.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
