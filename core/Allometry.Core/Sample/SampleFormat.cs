namespace Allometry.Core.Sample;

using System.Globalization;

/// <summary>Invariant spellings for planted-case descriptions.</summary>
internal static class SampleFormat
{
    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The business day <paramref name="count"/> working days before <paramref name="date"/> (weekends skipped).</summary>
    public static DateOnly BusinessDaysBefore(DateOnly date, int count)
    {
        var day = date;
        while (count > 0)
        {
            day = day.AddDays(-1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) count--;
        }
        return day;
    }
}
