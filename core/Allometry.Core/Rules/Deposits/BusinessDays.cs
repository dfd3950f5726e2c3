namespace Allometry.Core.Rules.Deposits;

/// <summary>
/// Monday-to-Friday arithmetic for grace periods counted in business days. Statutory holidays are
/// not skipped (they differ by province and year; a tenant calendar would be the place for them),
/// so a deadline may come one day early around a holiday: the safe side for a Medium reminder.
/// </summary>
internal static class BusinessDays
{
    /// <summary>Weekdays after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        if (days <= 0) return 0;
        // Any seven consecutive days hold exactly five weekdays; only the remainder needs looking at.
        var count = days / 7 * 5;
        for (var day = from.AddDays(days / 7 * 7 + 1); day <= to; day = day.AddDays(1))
        {
            if (IsBusinessDay(day)) count++;
        }
        return count;
    }

    /// <summary>The weekday <paramref name="count"/> business days after <paramref name="from"/>.</summary>
    public static DateOnly Add(DateOnly from, int count)
    {
        var day = from;
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day)) count--;
        }
        return day;
    }

    public static bool IsBusinessDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
