namespace Allometry.Adapters.Ledger.Tests.Values;

using Allometry.Adapters.Ledger.Values;

public sealed class AmountParserTests
{
    [Theory]
    [InlineData("1234.56", "1234.56")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("1 234,56 $", "1234.56")]
    [InlineData("1\u00A0234,56\u00A0$", "1234.56")]
    [InlineData("1\u202F234\u202F567,89 $", "1234567.89")]
    [InlineData("-1 234,50 $", "-1234.50")]
    [InlineData("(1,234.56)", "-1234.56")]
    [InlineData("($1,234.56)", "-1234.56")]
    [InlineData("CA$1,234.56", "1234.56")]
    [InlineData("-CA$1,234.56", "-1234.56")]
    [InlineData("1 234,56 CAD", "1234.56")]
    [InlineData("$0.01", "0.01")]
    [InlineData("1.234.567,89", "1234567.89")]
    [InlineData("1,234", "1234")]
    [InlineData("12,5", "12.5")]
    [InlineData("0", "0")]
    [InlineData("1 234,50-", "-1234.50")]
    [InlineData(".50", "0.50")]
    public void TryParse_AcceptedStyles_ExactDecimal(string text, string expected)
    {
        var ok = AmountParser.TryParse(text, out var value);

        Assert.True(ok, text);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("1,23,456.00")]
    [InlineData("12 34,00")]
    [InlineData("1.2.3")]
    [InlineData("--5")]
    [InlineData("(-5)")]
    [InlineData("1e5")]
    [InlineData("5.")]
    [InlineData("1,234.56.7")]
    public void TryParse_NotAnAmount_False(string text)
    {
        Assert.False(AmountParser.TryParse(text, out _));
    }

    [Theory]
    [InlineData("10.005", false)]
    [InlineData("10.000", true)]
    [InlineData("10.5", true)]
    public void TryParseMoney_MoreThanTwoSignificantDecimals_Rejected(string text, bool accepted)
    {
        Assert.Equal(accepted, AmountParser.TryParseMoney(text, out _));
    }
}
