namespace Allometry.Core.Tests.Actions;

using Allometry.Core.Actions;

public sealed class AmountTextTests
{
    [Theory]
    [InlineData("1234.56", "1234.56")]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1\u00A0234,56 $", "1234.56")]
    [InlineData("1\u202F234,56\u00A0$", "1234.56")]
    [InlineData("$1,234.56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1,234", "1234")]
    [InlineData("12,5", "12.5")]
    [InlineData("0.01", "0.01")]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("-45.10", "-45.10")]
    public void Parse_TypedAmount_ExactDecimal(string text, string expected)
    {
        // Act
        var amount = AmountText.Parse(text);

        // Assert
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12.345,6,7")]
    [InlineData("1,234.567")]
    [InlineData("1234.567")]
    [InlineData("12,34,56")]
    [InlineData("1.2.3")]
    public void Parse_NotAnAmount_Null(string text)
    {
        // Act
        var amount = AmountText.Parse(text);

        // Assert
        Assert.Null(amount);
    }
}
