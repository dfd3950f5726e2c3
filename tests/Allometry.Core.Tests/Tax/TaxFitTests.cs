namespace Allometry.Core.Tests.Tax;

using Allometry.Core.Ledger;
using Allometry.Core.Tax;

public sealed class TaxFitTests
{
    private static readonly DateOnly[] Dates = [new(2024, 1, 1), new(2025, 3, 31), new(2025, 4, 1), new(2026, 11, 20)];

    // Every cent from -20.00 to 20.00 (half-cent boundaries of every rate among them) and a few large amounts.
    private static IEnumerable<decimal> Subtotals() =>
        Enumerable.Range(-2000, 4001).Select(c => c / 100m).Concat([1_234_567.89m, 99_999.99m, -45_678.05m]);

    [Fact]
    public void Expected_EveryProvinceDateAndRegistration_IsAFitOfTheComputedTax()
    {
        // Arrange
        var misses = new List<string>();

        // Act
        foreach (var province in Enum.GetValues<Province>())
        foreach (var date in Dates)
        foreach (var registered in new[] { false, true })
        {
            var expected = TaxFit.Expected(province, date, registered);
            foreach (var subtotal in Subtotals())
            {
                var tax = SalesTax.Compute(province, date, subtotal, registered);
                if (!TaxFit.Fits(TaxFit.Classify(subtotal, tax.Gst, tax.Hst, tax.Qst, tax.Pst), expected))
                {
                    misses.Add($"{province} {date} {registered} {subtotal}");
                }
            }
        }

        // Assert
        Assert.Empty(misses);
    }

    [Theory]
    [InlineData(Province.QC, 0.01, 0.00, 0.00, 0.00)]
    [InlineData(Province.ON, 0.00, 0.01, 0.00, 0.00)]
    [InlineData(Province.BC, 0.00, 0.00, 0.00, 0.01)]
    public void Classify_OneCentOff_LacksTheExpectedBit(Province province, decimal dGst, decimal dHst, decimal dQst, decimal dPst)
    {
        // Arrange
        var day = new DateOnly(2026, 6, 1);
        var tax = SalesTax.Compute(province, day, 1_000m, sellerPstRegistered: true);

        // Act
        var fit = TaxFit.Classify(1_000m, tax.Gst + dGst, tax.Hst + dHst, tax.Qst + dQst, tax.Pst + dPst);

        // Assert
        Assert.False(TaxFit.Fits(fit, TaxFit.Expected(province, day, sellerPstRegistered: true)));
    }

    [Fact]
    public void Expected_NovaScotiaAcrossTheRateChange_Is15ThenFourteenPercent()
    {
        // Act
        var before = TaxFit.Expected(Province.NS, new DateOnly(2025, 3, 31), false);
        var after = TaxFit.Expected(Province.NS, new DateOnly(2025, 4, 1), false);

        // Assert
        Assert.Equal(TaxFit.Patterns.Single(p => p.Hst == 0.15m).Bit, before);
        Assert.Equal(TaxFit.Patterns.Single(p => p.Hst == 0.14m).Bit, after);
    }

    [Fact]
    public void Classify_ZeroSubtotalAndNoTax_FitsEveryPattern()
    {
        // Act
        var fit = TaxFit.Classify(0m, 0m, 0m, 0m, 0m);

        // Assert
        Assert.All(TaxFit.Patterns, p => Assert.True(TaxFit.Fits(fit, p.Bit)));
    }

    [Fact]
    public void Classify_TaxOnAnAmountThatCallsForSome_IsNone()
    {
        // Act
        var fit = TaxFit.Classify(100m, 0m, 0m, 0m, 0m);

        // Assert
        Assert.Equal(TaxFit.None, fit);
    }

    [Fact]
    public void RateChanges_BetweenTwoChanges_RatesAreConstant()
    {
        // Arrange: the screens class tax dates only as before or after each change
        var day = new DateOnly(2024, 1, 1);
        var changes = new List<DateOnly>();

        // Act
        for (var d = day.AddDays(1); d <= new DateOnly(2027, 12, 31); d = d.AddDays(1))
        {
            if (Enum.GetValues<Province>().Any(p => SalesTax.RatesFor(p, d) != SalesTax.RatesFor(p, d.AddDays(-1)))) changes.Add(d);
        }

        // Assert
        Assert.Equal(TaxFit.RateChanges, changes);
    }

    [Fact]
    public void Patterns_Bits_AreDistinctSinglePowersOfTwo()
    {
        // Assert
        Assert.All(TaxFit.Patterns, p => Assert.True(p.Bit > 0 && (p.Bit & (p.Bit - 1)) == 0, $"bit {p.Bit}"));
        Assert.Equal(TaxFit.Patterns.Count, TaxFit.Patterns.Select(p => p.Bit).Distinct().Count());
    }
}
