namespace Allometry.Adapters.Ledger.Tests.Values;

using Allometry.Adapters.Ledger.Values;

public sealed class BooleanAndPercentageParserTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("Yes", true)]
    [InlineData("OUI", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("non", false)]
    [InlineData("0", false)]
    public void BooleanTryParse_AcceptedWords_Value(string text, bool expected)
    {
        Assert.True(BooleanParser.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("2")]
    public void BooleanTryParse_OtherWords_False(string text)
    {
        Assert.False(BooleanParser.TryParse(text, out _));
    }

    [Theory]
    [InlineData("50", "50")]
    [InlineData("50 %", "50")]
    [InlineData("9,975", "9.975")]
    [InlineData("10.5%", "10.5")]
    public void PercentageTryParse_AcceptedStyles_Value(string text, string expected)
    {
        Assert.True(PercentageParser.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("150")]
    [InlineData("-5")]
    [InlineData("half")]
    public void PercentageTryParse_OutOfRangeOrText_False(string text)
    {
        Assert.False(PercentageParser.TryParse(text, out _));
    }
}
