namespace Allometry.Core.Tests.Tax;

using Allometry.Core.Ledger;
using Allometry.Core.Tax;

public sealed class SalesTaxTests
{
    private static readonly DateOnly Day2026 = new(2026, 6, 1);

    public static TheoryData<Province, decimal> CombinedRates2026 => new()
    {
        { Province.AB, 0.05m }, { Province.YT, 0.05m }, { Province.NT, 0.05m }, { Province.NU, 0.05m },
        { Province.BC, 0.12m }, { Province.MB, 0.12m }, { Province.SK, 0.11m },
        { Province.ON, 0.13m }, { Province.QC, 0.14975m },
        { Province.NB, 0.15m }, { Province.NL, 0.15m }, { Province.PE, 0.15m }, { Province.NS, 0.14m },
    };

    [Theory]
    [MemberData(nameof(CombinedRates2026))]
    public void RatesFor_2026_MatchTheDomainTable(Province province, decimal combined)
    {
        // Act
        var rates = SalesTax.RatesFor(province, Day2026);

        // Assert
        Assert.Equal(province, rates.Province);
        Assert.Equal(combined, rates.CombinedRate);
    }

    [Fact]
    public void Table_AnyDate_HasEveryProvinceOnceWithItsRegime()
    {
        // Act
        var table = SalesTax.Table(Day2026);

        // Assert
        Assert.Equal(Enum.GetValues<Province>(), table.Select(r => r.Province));
        Assert.Equal(TaxRegime.GstQst, table.Single(r => r.Province == Province.QC).Regime);
        Assert.Equal(TaxRegime.Hst, table.Single(r => r.Province == Province.ON).Regime);
        Assert.Equal(TaxRegime.GstPst, table.Single(r => r.Province == Province.MB).Regime);
        Assert.Equal(TaxRegime.Gst, table.Single(r => r.Province == Province.AB).Regime);
    }

    [Theory]
    [InlineData(2025, 3, 31, 0.15)]
    [InlineData(2025, 4, 1, 0.14)]
    [InlineData(2024, 12, 1, 0.15)]
    [InlineData(2026, 1, 1, 0.14)]
    public void RatesFor_NovaScotiaAroundTheChange_15BeforeAnd14From20250401(int y, int m, int d, double rate)
    {
        // Act
        var hst = SalesTax.RatesFor(Province.NS, new DateOnly(y, m, d)).Hst;

        // Assert
        Assert.Equal((decimal)rate, hst);
    }

    [Fact]
    public void Compute_Quebec100_Gst500Qst998OnThePriceExcludingGst()
    {
        // Act
        var tax = SalesTax.Compute(Province.QC, Day2026, 100.00m, sellerPstRegistered: false);

        // Assert
        Assert.Equal(new TaxComponents(5.00m, 0m, 9.98m, 0m), tax);
        Assert.Equal(114.98m, 100.00m + tax.Total);
    }

    [Theory]
    [InlineData(60.00, 5.99)]   // 5.985: half away from zero; banker's rounding would give 5.98
    [InlineData(20.00, 2.00)]   // 1.995
    [InlineData(-60.00, -5.99)] // a credit note rounds symmetrically
    public void Compute_QstFractionOfExactlyHalfACent_RoundsAwayFromZero(double subtotal, double qst)
    {
        // Act
        var tax = SalesTax.Compute(Province.QC, Day2026, (decimal)subtotal, false);

        // Assert
        Assert.Equal((decimal)qst, tax.Qst);
    }

    [Fact]
    public void Compute_GstAndHstHalfCent_RoundUp()
    {
        // Act
        var gst = SalesTax.Compute(Province.AB, Day2026, 0.10m, false).Gst;   // 0.005
        var hst = SalesTax.Compute(Province.ON, Day2026, 0.50m, false).Hst;   // 0.065

        // Assert
        Assert.Equal(0.01m, gst);
        Assert.Equal(0.07m, hst);
    }

    [Theory]
    [InlineData(Province.BC, true, 70.00)]
    [InlineData(Province.BC, false, 0)]
    [InlineData(Province.MB, true, 70.00)]
    [InlineData(Province.SK, true, 60.00)]
    [InlineData(Province.AB, true, 0)]
    [InlineData(Province.ON, true, 0)]
    public void Compute_Pst_OnlyWhereLeviedAndTheSellerIsRegistered(Province province, bool registered, double pst)
    {
        // Act
        var tax = SalesTax.Compute(province, Day2026, 1000.00m, registered);

        // Assert
        Assert.Equal((decimal)pst, tax.Pst);
    }

    [Theory]
    [InlineData(Province.ON, 0, 130.00, 0)]
    [InlineData(Province.NB, 0, 150.00, 0)]
    [InlineData(Province.AB, 50.00, 0, 0)]
    [InlineData(Province.QC, 50.00, 0, 99.75)]
    public void Compute_1000_ComponentsOfTheRegime(Province province, double gst, double hst, double qst)
    {
        // Act
        var tax = SalesTax.Compute(province, Day2026, 1000.00m, false);

        // Assert
        Assert.Equal(new TaxComponents((decimal)gst, (decimal)hst, (decimal)qst, 0m), tax);
    }

    [Fact]
    public void Compute_AnyAmount_ComponentsCarryTwoDecimals()
    {
        // Act
        var tax = SalesTax.Compute(Province.QC, Day2026, 1000m, false);

        // Assert: "50.00", not "50", so evidence prints as the files spell amounts.
        Assert.Equal(2, tax.Gst.Scale);
        Assert.Equal(2, tax.Qst.Scale);
        Assert.Equal(2, tax.Hst.Scale);
        Assert.Equal(2, tax.Pst.Scale);
    }

    [Theory]
    [InlineData("2025-04-15", "2025-03-31", "2025-03-31")]
    [InlineData("2025-04-15", "2025-04-20", "2025-04-15")]
    [InlineData("2025-04-15", null, "2025-04-15")]
    [InlineData("2025-04-15", "2025-04-15", "2025-04-15")]
    public void TaxDate_PaymentAndDue_IsTheEarlier(string due, string? paid, string expected)
    {
        // Act
        var date = SalesTax.TaxDate(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            paid is null ? null : DateOnly.Parse(paid, System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Fact]
    public void Round_Midpoints_AwayFromZeroWithScale2()
    {
        // Act & Assert
        Assert.Equal(0.13m, SalesTax.Round(0.125m));
        Assert.Equal(-0.13m, SalesTax.Round(-0.125m));
        Assert.Equal(0.12m, SalesTax.Round(0.1249m));
        Assert.Equal("5.00", SalesTax.Round(5m).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
