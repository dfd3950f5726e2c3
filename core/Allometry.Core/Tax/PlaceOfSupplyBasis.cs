namespace Allometry.Core.Tax;

/// <summary>Why a province is the place of supply (domain.md §1).</summary>
public enum PlaceOfSupplyBasis
{
    /// <summary>Goods: the province where they are delivered or made available (the site).</summary>
    DeliverySite,
    /// <summary>Leased goods (lockers, chargers, panels): where they are ordinarily located (the site).</summary>
    EquipmentLocation,
    /// <summary>Real property and services on it (construction, installation): where the site is.</summary>
    PropertySite,
    /// <summary>Other services: the recipient's (payer's) address.</summary>
    Recipient,
    /// <summary>The site, because the supply type is not given or the recipient's province is unknown.</summary>
    Site,
    /// <summary>No project to locate the supply: only the province the invoice says it was taxed for.</summary>
    InvoiceProvince,
}
