namespace Allometry.Core.Tests.Tax;

using Allometry.Core.Ledger;
using Allometry.Core.Tax;
using Allometry.Core.Tests.Rules;

public sealed class InvoiceTaxTests
{
    private static readonly HashSet<Province> NoPst = [];

    [Fact]
    public void Expect_ConstructionOnAnOntarioSiteBilledToAQuebecPayer_IsOntarioHst()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.QC)
            .Project("PRJ", "P1", Province.ON, p => p with { SupplyType = SupplyType.Construction })
            .Invoice("F1", "P1", "PRJ", 1000m);
        var snapshot = ledger.Snapshot();

        // Act
        var tax = InvoiceTax.Expect(snapshot, snapshot.Invoice("F1")!, NoPst);

        // Assert
        Assert.NotNull(tax);
        Assert.Equal(new PlaceOfSupply(Province.ON, PlaceOfSupplyBasis.PropertySite), tax.Place);
        Assert.Equal(new TaxComponents(0m, 130.00m, 0m, 0m), tax.Expected);
        Assert.Same(snapshot.Project("PRJ"), tax.Project);
    }

    [Fact]
    public void Expect_ServiceOnAnOntarioSiteBilledToAQuebecPayer_IsQuebecGstAndQst()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.QC)
            .Project("PRJ", "P1", Province.ON, p => p with { SupplyType = SupplyType.Service })
            .Invoice("F1", "P1", "PRJ", 1000m);
        var snapshot = ledger.Snapshot();

        // Act
        var tax = InvoiceTax.Expect(snapshot, snapshot.Invoice("F1")!, NoPst)!;

        // Assert
        Assert.Equal(Province.QC, tax.Place.Province);
        Assert.Equal(new TaxComponents(50.00m, 0m, 99.75m, 0m), tax.Expected);
    }

    [Fact]
    public void Expect_NoProject_UsesTheProvincePrintedOnTheInvoice()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.QC)
            .Invoice("F1", "P1", null, 1000m, with: i => i with { TaxProvince = Province.AB });
        var snapshot = ledger.Snapshot();

        // Act
        var tax = InvoiceTax.Expect(snapshot, snapshot.Invoice("F1")!, NoPst)!;

        // Assert
        Assert.Equal(new PlaceOfSupply(Province.AB, PlaceOfSupplyBasis.InvoiceProvince), tax.Place);
        Assert.Equal(50.00m, tax.Expected.Gst);
    }

    [Fact]
    public void Expect_NoProjectAndNoPrintedProvince_IsNull()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1").Invoice("F1", "P1", null, 1000m, with: i => i with { TaxProvince = null });
        var snapshot = ledger.Snapshot();

        // Act
        var tax = InvoiceTax.Expect(snapshot, snapshot.Invoice("F1")!, NoPst);

        // Assert
        Assert.Null(tax);
    }

    [Fact]
    public void Expect_PaidBeforeTheNsRateChangeAndDueAfter_TaxDateIsThePaymentAt15()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.NS).Project("PRJ", "P1", Province.NS)
            .Invoice("F1", "P1", "PRJ", 1000m, issued: new DateOnly(2025, 3, 20), due: new DateOnly(2025, 4, 19))
            .Payment("PM1", "P1", 500m, new DateOnly(2025, 4, 2), ("F1", 500m))
            .Payment("PM2", "P1", 500m, new DateOnly(2025, 3, 31), ("F1", 500m));
        var snapshot = ledger.Snapshot();

        // Act
        var tax = InvoiceTax.Expect(snapshot, snapshot.Invoice("F1")!, NoPst)!;

        // Assert
        Assert.Equal(new DateOnly(2025, 3, 31), tax.FirstPaymentOn);
        Assert.Equal(new DateOnly(2025, 3, 31), tax.TaxDate);
        Assert.Equal(150.00m, tax.Expected.Hst);
    }

    [Fact]
    public void Expect_SellerRegisteredInBritishColumbia_ExpectsPst()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", Province.BC).Project("PRJ", "P1", Province.BC).Invoice("F1", "P1", "PRJ", 1000m);
        var snapshot = ledger.Snapshot();

        // Act
        var registered = InvoiceTax.Expect(snapshot, snapshot.Invoice("F1")!, new HashSet<Province> { Province.BC })!;
        var unregistered = InvoiceTax.Expect(snapshot, snapshot.Invoice("F1")!, NoPst)!;

        // Assert
        Assert.True(registered.SellerPstRegistered);
        Assert.Equal(70.00m, registered.Expected.Pst);
        Assert.Equal(0m, unregistered.Expected.Pst);
    }

    [Fact]
    public void Difference_Overcharge_IsChargedMinusExpected()
    {
        // Arrange: 15 % charged where 13 % is due.
        var ledger = new TestLedger().Payer("P1", Province.ON).Project("PRJ", "P1", Province.ON)
            .Invoice("F1", "P1", "PRJ", 1000m, with: i => i with { Hst = 150.00m, Total = 1150.00m, Balance = 1150.00m });
        var snapshot = ledger.Snapshot();

        // Act
        var tax = InvoiceTax.Expect(snapshot, snapshot.Invoice("F1")!, NoPst)!;

        // Assert
        Assert.Equal(20.00m, tax.Difference);
        Assert.Equal(20.00m, tax.DifferenceOf(TaxComponent.Hst));
        Assert.Equal(0m, tax.DifferenceOf(TaxComponent.Gst));
    }
}
