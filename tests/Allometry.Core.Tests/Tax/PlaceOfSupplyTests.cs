namespace Allometry.Core.Tests.Tax;

using Allometry.Core.Ledger;
using Allometry.Core.Tax;

public sealed class PlaceOfSupplyTests
{
    [Theory]
    [InlineData(SupplyType.Goods, PlaceOfSupplyBasis.DeliverySite)]
    [InlineData(SupplyType.Lease, PlaceOfSupplyBasis.EquipmentLocation)]
    [InlineData(SupplyType.Construction, PlaceOfSupplyBasis.PropertySite)]
    public void For_SupplyAtTheSite_IsTheSiteWhateverThePayersProvince(SupplyType supply, PlaceOfSupplyBasis basis)
    {
        // Act
        var place = PlaceOfSupply.For(supply, site: Province.ON, recipient: Province.QC);

        // Assert
        Assert.Equal(new PlaceOfSupply(Province.ON, basis), place);
    }

    [Fact]
    public void For_Service_IsTheRecipientsProvince()
    {
        // Act
        var place = PlaceOfSupply.For(SupplyType.Service, site: Province.ON, recipient: Province.QC);

        // Assert
        Assert.Equal(new PlaceOfSupply(Province.QC, PlaceOfSupplyBasis.Recipient), place);
    }

    [Fact]
    public void For_ServiceToARecipientWithNoProvince_FallsBackToTheSite()
    {
        // Act
        var place = PlaceOfSupply.For(SupplyType.Service, site: Province.NS, recipient: null);

        // Assert
        Assert.Equal(new PlaceOfSupply(Province.NS, PlaceOfSupplyBasis.Site), place);
    }

    [Fact]
    public void For_NoSupplyType_IsTheSite()
    {
        // Act
        var place = PlaceOfSupply.For(null, site: Province.BC, recipient: Province.AB);

        // Assert
        Assert.Equal(new PlaceOfSupply(Province.BC, PlaceOfSupplyBasis.Site), place);
    }
}
