namespace Allometry.Core.Postgres.Tests.Imports.Staging;

using Allometry.Core.Postgres.Imports.Staging;

/// <summary>The digest's integer shortcut for amounts gives the bits the decimal arithmetic gives.</summary>
public sealed class ContentDigestTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.00")]
    [InlineData("-0.00")]
    [InlineData("1234.5")]
    [InlineData("-1234.56")]
    [InlineData("999999999999.99")]
    [InlineData("9.975")]
    [InlineData("1.005")]
    [InlineData("99999999999999999999.99")]
    [InlineData("123456789012345678901234567.8")]
    public void Canonical_Samples_SameBitsAsDecimalArithmetic(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        AssertSame(value, 2);
        AssertSame(-value, 2);
        AssertSame(value, 4);
    }

    [Fact]
    public void Canonical_RandomAmountsAndScales_SameBitsAsDecimalArithmetic()
    {
        var random = new Random(11);
        for (var n = 0; n < 100_000; n++)
        {
            var mantissa = random.NextInt64(0, long.MaxValue) >> random.Next(0, 63);
            var value = new decimal((int)mantissa, (int)(mantissa >> 32), random.Next(4) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(0, 7));
            AssertSame(value, 2);
            AssertSame(value, 4);
        }
    }

    private static void AssertSame(decimal value, int decimals)
    {
        var expected = new int[4];
        var scaled = Math.Abs(value) < 1e20m ? decimal.Round(value * (decimals == 2 ? 100m : 10_000m), 0) : value;
        decimal.GetBits(scaled, expected);
        var actual = new int[4];

        ContentDigest.Canonical(value, decimals, actual);

        Assert.True(expected.SequenceEqual(actual), $"{value} ({decimals}): [{string.Join(',', expected)}] vs [{string.Join(',', actual)}]");
    }
}
