namespace Allometry.Core.Tests.Rules.Deposits;

using Allometry.Core.Rules.Deposits;

public sealed class BusinessDaysTests
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-3, 0)]
    [InlineData(1, 0)]   // Saturday
    [InlineData(2, 0)]   // Sunday
    [InlineData(3, 1)]   // Monday
    [InlineData(7, 5)]   // next Friday
    [InlineData(10, 6)]  // Monday after next
    [InlineData(366, 260)]
    public void Between_FromAFriday_CountsWeekdaysOnly(int days, int expected)
    {
        // Act
        var count = BusinessDays.Between(Friday, Friday.AddDays(days));

        // Assert
        Assert.Equal(expected, count);
    }

    [Theory]
    [InlineData(1, 2026, 11, 23)]
    [InlineData(2, 2026, 11, 24)]
    [InlineData(5, 2026, 11, 27)]
    [InlineData(0, 2026, 11, 20)]
    public void Add_FromAFriday_LandsOnWeekdays(int count, int year, int month, int day)
    {
        // Act
        var date = BusinessDays.Add(Friday, count);

        // Assert
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Fact]
    public void Between_AgreesWithAddAcrossAYear()
    {
        // Arrange
        var days = Enumerable.Range(0, 400).Select(n => Friday.AddDays(-n));

        // Act / Assert
        Assert.All(days, start => Assert.Equal(7, BusinessDays.Between(start, BusinessDays.Add(start, 7))));
    }
}
