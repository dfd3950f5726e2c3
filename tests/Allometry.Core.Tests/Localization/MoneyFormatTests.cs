namespace Allometry.Core.Tests.Localization;

using Allometry.Core.Localization;

public sealed class MoneyFormatTests
{
    [Theory]
    [InlineData("1234.56", Language.En, "$1,234.56")]
    [InlineData("1234.56", Language.Fr, "1\u00A0234,56\u00A0$")]
    [InlineData("-1234.5", Language.En, "-$1,234.50")]
    [InlineData("-1234.5", Language.Fr, "-1\u00A0234,50\u00A0$")]
    [InlineData("0", Language.Fr, "0,00\u00A0$")]
    [InlineData("1234567.891", Language.En, "$1,234,567.89")]
    [InlineData("0.005", Language.En, "$0.01")]
    public void Format_Cad_PerLanguage(string amount, Language language, string expected)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, MoneyFormat.Format(value, language));
    }

    [Fact]
    public void Format_OtherCurrency_ShowsCode()
    {
        Assert.Equal("1,000.00 USD", MoneyFormat.Format(1000m, Language.En, "USD"));
        Assert.Equal("1\u00A0000,00\u00A0USD", MoneyFormat.Format(1000m, Language.Fr, "USD"));
    }
}
