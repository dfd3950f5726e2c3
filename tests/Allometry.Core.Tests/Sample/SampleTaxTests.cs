namespace Allometry.Core.Tests.Sample;

using Allometry.Core.Ledger;
using Allometry.Core.Sample;

/// <summary>Clean invoices carry the tax domain.md §1 calls for, recomputed here independently.</summary>
public sealed class SampleTaxTests
{
    public static TheoryData<int> Seeds => [SampleOperatorGenerator.DefaultSeed, 7, 2024];

    [Fact]
    public void QuebecInvoices_Clean_QstIs9975PercentOfSubtotalHalfAwayFromZero()
    {
        // Arrange
        var ledger = SampleOperatorGenerator.Generate();
        var planted = SampleViews.PlantedIds(ledger);

        // Act
        var quebec = ledger.Invoices.Where(i => i.TaxProvince == Province.QC && !planted.Contains(i.InvoiceId)).ToList();

        // Assert
        Assert.True(quebec.Count > 50, $"{quebec.Count} QC invoices");
        Assert.All(quebec, i =>
        {
            Assert.Equal(Math.Round(i.Subtotal * 0.09975m, 2, MidpointRounding.AwayFromZero), i.Qst);
            Assert.Equal(Math.Round(i.Subtotal * 0.05m, 2, MidpointRounding.AwayFromZero), i.Gst);
            Assert.Equal(0m, i.Hst + i.Pst);
        });
    }

    [Fact]
    public void QuebecInvoices_Clean_SomeQstRoundsAHalfCentUp()
    {
        // Arrange: 9.975 % gives three decimals; half a cent must round up, not to even.
        var ledger = SampleOperatorGenerator.Generate();
        var planted = SampleViews.PlantedIds(ledger);

        // Act
        var halves = ledger.Invoices.Where(i => i.TaxProvince == Province.QC && !planted.Contains(i.InvoiceId)
            && (i.Subtotal * 0.09975m * 1000m % 10m) == 5m).ToList();

        // Assert
        Assert.NotEmpty(halves);
        Assert.All(halves, i => Assert.Equal(Math.Ceiling(Math.Abs(i.Subtotal) * 0.09975m * 100m) / 100m, Math.Abs(i.Qst)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AllInvoices_NotPlanted_TaxedForThePlaceOfSupply(int seed) =>
        AssertTaxedForThePlaceOfSupply(SampleOperatorGenerator.Generate(seed));

    [Fact]
    public void AllInvoices_EarliestAsOf_NovaScotiaAt15PercentBeforeApril2025()
    {
        // Arrange: histories reach back to mid-2024, across the Nova Scotia rate change.
        var ledger = SampleOperatorGenerator.Generate(asOf: SampleOperatorGenerator.EarliestAsOf);

        // Act & Assert
        AssertTaxedForThePlaceOfSupply(ledger);
        Assert.Contains(ledger.Invoices, i => i.TaxProvince == Province.NS && i.Hst != 0m
            && i.Hst == Math.Round(i.Subtotal * 0.15m, 2, MidpointRounding.AwayFromZero));
    }

    private static void AssertTaxedForThePlaceOfSupply(SampleLedger ledger)
    {
        var planted = SampleViews.PlantedIds(ledger);
        var projects = ledger.Projects.ToDictionary(p => p.ProjectId);
        var payers = ledger.Payers.ToDictionary(p => p.PayerId);
        var firstPayment = ledger.PaymentApplications
            .Join(ledger.Payments, a => a.PaymentId, p => p.PaymentId, (a, p) => (a.InvoiceId, p.ReceivedOn))
            .GroupBy(x => x.InvoiceId)
            .ToDictionary(g => g.Key, g => g.Min(x => x.ReceivedOn));

        var clean = ledger.Invoices.Where(i => !planted.Contains(i.InvoiceId)).ToList();

        Assert.All(clean, i =>
        {
            var project = projects[i.ProjectId!];
            var place = project.SupplyType == SupplyType.Service ? payers[i.PayerId].Province!.Value : project.SiteProvince;
            var taxDate = firstPayment.TryGetValue(i.InvoiceId, out var paid) && paid < i.DueDate ? paid : i.DueDate;
            Assert.Equal(place, i.TaxProvince);
            Assert.Equal(Expected(place, taxDate, i.Subtotal), (i.Gst, i.Hst, i.Qst, i.Pst));
        });
    }

    private static (decimal Gst, decimal Hst, decimal Qst, decimal Pst) Expected(Province place, DateOnly taxDate, decimal s)
    {
        static decimal R(decimal x) => Math.Round(x, 2, MidpointRounding.AwayFromZero);
        return place switch
        {
            Province.QC => (R(s * 0.05m), 0m, R(s * 0.09975m), 0m),
            Province.ON => (0m, R(s * 0.13m), 0m, 0m),
            Province.NS => (0m, R(s * (taxDate >= new DateOnly(2025, 4, 1) ? 0.14m : 0.15m)), 0m, 0m),
            Province.BC => (R(s * 0.05m), 0m, 0m, R(s * 0.07m)),
            _ => throw new InvalidOperationException($"Unexpected place of supply {place}."),
        };
    }
}
