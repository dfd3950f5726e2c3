namespace Allometry.Adapters.Ledger.Tests.Values;

using System.Globalization;
using Allometry.Adapters.Ledger.Values;

/// <summary>
/// The allocation-free fast paths for plain amounts and ISO dates give exactly what the general
/// parsers give (same decimal bits, same scale; same date), and decline everything else.
/// </summary>
public sealed class ValueFastPathTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.00")]
    [InlineData("007.50")]
    [InlineData("1234.56")]
    [InlineData("-1234.5")]
    [InlineData("1234.567")]
    [InlineData("999999999999999999")]
    [InlineData("9999999999999999999")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("0.0000000000000000000000000000001")]
    [InlineData("123456789012345678.12")]
    public void TryParse_PlainAmounts_SameBitsAsGeneralPath(string text)
    {
        AssertSameAsGeneral(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1,234")]
    [InlineData("\u22121")]
    [InlineData("١٢")]
    public void TryParsePlain_NotPlain_Declines(string text)
    {
        Assert.False(AmountParser.TryParsePlain(text, out _));
        AssertSameAsGeneral(text);
    }

    [Fact]
    public void TryParse_RandomDigitsAndSigns_SameBitsAsGeneralPath()
    {
        var random = new Random(2026);
        const string alphabet = "0123456789012345678901234567890123456789.-, $";
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(1, 24)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            AssertSameAsGeneral(new string(chars));
            var cents = random.NextInt64(-10_000_000_000, 10_000_000_000) / 100m;
            AssertSameAsGeneral(cents.ToString(random.Next(2) == 0 ? "0.00" : "0.##", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("2026-11-20")]
    [InlineData("2024-02-29")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2026-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("0000-01-01")]
    [InlineData("2026-1-5")]
    [InlineData("2026/11/20")]
    [InlineData("2026-11-20 00:00:00")]
    [InlineData(" 2026-11-20")]
    [InlineData("2026-11-2x")]
    [InlineData("03/04/2026")]
    public void Parse_IsoAndNearIso_SameOutcomeAsGeneralPath(string text)
    {
        foreach (var format in (string?[])[null, "yyyy-MM-dd", "yyyy-dd-MM", "dd/MM/yyyy"])
        {
            Assert.Equal(DateParser.ParseGeneral(text, format), DateParser.Parse(text, format));
        }
    }

    [Fact]
    public void Parse_EveryDayOfFourYears_SameAsGeneralPath()
    {
        for (var d = new DateOnly(2023, 1, 1); d < new DateOnly(2027, 1, 1); d = d.AddDays(1))
        {
            var text = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(DateParser.TryParseIso(text, out var fast));
            Assert.Equal(d, fast);
            Assert.Equal(DateParser.ParseGeneral(text), DateParser.Parse(text));
        }
    }

    private static void AssertSameAsGeneral(string text)
    {
        var generalOk = AmountParser.TryParseGeneral(text, out var general);
        var ok = AmountParser.TryParse(text, out var value);
        Assert.True(generalOk == ok, text);
        Assert.True(decimal.GetBits(general).SequenceEqual(decimal.GetBits(value)), $"{text}: {general} vs {value}");
        Assert.Equal(AmountParser.TryParseMoney(text, out _), generalOk && decimal.Round(general, 2) == general);
    }
}
