namespace Allometry.Core.Tax;

using Allometry.Core.Ledger;

/// <summary>
/// The province whose tax applies to a supply, and why. The seller's own province never matters
/// (domain.md §1): goods are taxed where delivered, leased goods where ordinarily located,
/// construction and installation where the property is, other services at the recipient's address.
/// </summary>
public sealed record PlaceOfSupply(Province Province, PlaceOfSupplyBasis Basis)
{
    /// <summary>
    /// The place of supply of a project's supply. Without a supply type the site is used: the
    /// operators this serves deliver, lease and install at sites. A service whose recipient has no
    /// known province also falls back to the site.
    /// </summary>
    /// <param name="supply">The project's supply type, if known.</param>
    /// <param name="site">The project's site province.</param>
    /// <param name="recipient">The province of the payer billed (for services).</param>
    public static PlaceOfSupply For(SupplyType? supply, Province site, Province? recipient) => supply switch
    {
        SupplyType.Goods => new(site, PlaceOfSupplyBasis.DeliverySite),
        SupplyType.Lease => new(site, PlaceOfSupplyBasis.EquipmentLocation),
        SupplyType.Construction => new(site, PlaceOfSupplyBasis.PropertySite),
        SupplyType.Service when recipient is { } r => new(r, PlaceOfSupplyBasis.Recipient),
        _ => new(site, PlaceOfSupplyBasis.Site),
    };
}
