namespace Allometry.Bot.Tests.Scheduling;

using Allometry.Bot.Scheduling;
using Allometry.Core.Ledger;

public sealed class BusinessCalendarTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_KnownYears_MatchesTheCalendar(int year, int month, int day)
    {
        // Act
        var easter = BusinessCalendar.EasterSunday(year);

        // Assert
        Assert.Equal(new DateOnly(year, month, day), easter);
    }

    [Theory]
    [InlineData("2026-06-24", Province.QC, false)] // Fête nationale, a Wednesday
    [InlineData("2026-06-24", Province.ON, true)]
    [InlineData("2027-02-15", Province.ON, false)] // Family Day: third Monday of February
    [InlineData("2027-02-15", Province.QC, true)]
    [InlineData("2026-05-18", Province.QC, false)] // Journée nationale des patriotes: Monday before May 25
    [InlineData("2026-05-18", Province.ON, false)] // Victoria Day, same rule
    [InlineData("2026-04-03", Province.QC, false)] // Good Friday
    [InlineData("2028-07-03", Province.ON, false)] // Canada Day on a Saturday, observed Monday
    [InlineData("2027-12-27", Province.ON, false)] // Christmas on a Saturday → Monday
    [InlineData("2027-12-28", Province.ON, false)] // … and Boxing Day → Tuesday
    [InlineData("2027-12-28", Province.QC, true)]  // Quebec has no Boxing Day
    [InlineData("2026-10-12", Province.QC, false)] // Thanksgiving: second Monday of October
    [InlineData("2026-09-07", Province.ON, false)] // Labour Day: first Monday of September
    [InlineData("2026-11-23", Province.QC, true)]  // an ordinary Monday
    public void IsBusinessDay_ProvincialHolidays_Skipped(string date, Province province, bool expected)
    {
        // Act
        var business = BusinessCalendar.IsBusinessDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), province);

        // Assert
        Assert.Equal(expected, business);
    }

    [Fact]
    public void IsBusinessDay_NoProvince_OnlyWeekendsSkipped()
    {
        // Arrange
        var christmasFriday = new DateOnly(2026, 12, 25);
        var saturday = new DateOnly(2026, 12, 26);

        // Act
        var christmas = BusinessCalendar.IsBusinessDay(christmasFriday, null);
        var weekend = BusinessCalendar.IsBusinessDay(saturday, null);

        // Assert
        Assert.True(christmas);
        Assert.False(weekend);
    }

    [Fact]
    public void HolidayName_FeteNationale_IsBilingual()
    {
        // Act
        var name = BusinessCalendar.HolidayName(new DateOnly(2026, 6, 24), Province.QC);

        // Assert
        Assert.Equal("Fête nationale du Québec / Quebec National Holiday", name);
    }
}
