namespace Allometry.Adapters.Ledger.Tests.Values;

using Allometry.Adapters.Ledger.Values;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("2026-11-20")]
    [InlineData("2026/11/20")]
    [InlineData("20261120")]
    [InlineData("Nov 20, 2026")]
    [InlineData("November 20, 2026")]
    [InlineData("20 nov. 2026")]
    [InlineData("20/11/2026")]
    [InlineData("11/20/2026")]
    [InlineData("2026-11-20 00:00:00")]
    [InlineData("2026-11-20T00:00:00")]
    public void Parse_AcceptedFormats_November20(string text)
    {
        var outcome = DateParser.Parse(text);

        Assert.Equal(DateParseStatus.Parsed, outcome.Status);
        Assert.Equal(new DateOnly(2026, 11, 20), outcome.Value);
    }

    [Fact]
    public void Parse_DayAndMonthBothPlausible_Ambiguous()
    {
        var outcome = DateParser.Parse("03/04/2026");

        Assert.Equal(DateParseStatus.Ambiguous, outcome.Status);
        Assert.Equal(new DateOnly(2026, 4, 3), outcome.Value);
        Assert.Equal(new DateOnly(2026, 3, 4), outcome.Alternative);
    }

    [Theory]
    [InlineData("dd/MM/yyyy", 4, 3)]
    [InlineData("MM/dd/yyyy", 3, 4)]
    public void Parse_ExplicitFormat_ResolvesAmbiguity(string format, int month, int day)
    {
        var outcome = DateParser.Parse("03/04/2026", format);

        Assert.Equal(DateParseStatus.Parsed, outcome.Status);
        Assert.Equal(new DateOnly(2026, month, day), outcome.Value);
    }

    [Fact]
    public void Parse_SameDayAndMonth_NotAmbiguous()
    {
        Assert.Equal(DateParseStatus.Parsed, DateParser.Parse("05/05/2026").Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("20/11/26")]
    [InlineData("yesterday")]
    [InlineData("2026-11-20 14:30:00")]
    [InlineData("45231")]
    public void Parse_NotADate_Invalid(string text)
    {
        Assert.Equal(DateParseStatus.Invalid, DateParser.Parse(text).Status);
    }

    [Theory]
    [InlineData("dd/MM/yyyy", true)]
    [InlineData("yyyy-MM-dd", true)]
    [InlineData("nonsense", false)]
    public void IsSupportedFormat_Formats_Recognized(string format, bool expected)
    {
        Assert.Equal(expected, DateParser.IsSupportedFormat(format));
    }
}
