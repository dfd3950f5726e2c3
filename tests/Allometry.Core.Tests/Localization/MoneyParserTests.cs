namespace Allometry.Core.Tests.Localization;

using System.Globalization;
using Allometry.Core.Actions;
using Allometry.Core.Localization;

/// <summary>One parser for file cells and typed amounts; the source decides only how decimals are counted.</summary>
public sealed class MoneyParserTests
{
    [Theory]
    [InlineData("10.000", "10")]
    [InlineData("1 234,500 $", "1234.5")]
    [InlineData("1234.5000", "1234.5")]
    public void TryParseMoney_ZerosBeyondTheCents_FileAcceptsPersonRefuses(string text, string expected)
    {
        // Act
        var file = MoneyParser.TryParseMoney(text, MoneySource.File, out var value);
        var person = MoneyParser.TryParseMoney(text, MoneySource.Person, out _);

        // Assert
        Assert.True(file, text);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
        Assert.False(person, text);
    }

    [Theory]
    [InlineData("1 234,56 $", "1234.56")]
    [InlineData("(1,234.56)", "-1234.56")]
    [InlineData("CA$1 234,56", "1234.56")]
    [InlineData("1.234.567,89", "1234567.89")]
    [InlineData("12,345", "12345")]
    [InlineData("0.5", "0.5")]
    public void TryParseMoney_AtMostTwoDecimalsWritten_SameAmountFromBothSources(string text, string expected)
    {
        // Act
        var file = MoneyParser.TryParseMoney(text, MoneySource.File, out var fromFile);
        var person = MoneyParser.TryParseMoney(text, MoneySource.Person, out var typed);

        // Assert
        Assert.True(file && person, text);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), fromFile);
        Assert.Equal(fromFile, typed);
    }

    [Theory]
    [InlineData("10.005")]
    [InlineData("12 34,00")]
    [InlineData("1,23,456.00")]
    [InlineData("5.")]
    [InlineData("1e5")]
    public void TryParseMoney_NotMoney_RefusedFromBothSources(string text)
    {
        Assert.False(MoneyParser.TryParseMoney(text, MoneySource.File, out _), text);
        Assert.False(MoneyParser.TryParseMoney(text, MoneySource.Person, out _), text);
    }

    [Theory]
    [InlineData("999999999999.99", "999999999999.99")]
    [InlineData("1 000 000 000 000,00", null)]
    public void AmountTextParse_BeyondAMoneyColumn_Refused(string text, string? expected)
    {
        var amount = AmountText.Parse(text);

        Assert.Equal(expected is null ? null : decimal.Parse(expected, CultureInfo.InvariantCulture), amount);
    }
}
