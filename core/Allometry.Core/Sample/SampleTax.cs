namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;
using Allometry.Core.Tax;

/// <summary>
/// Sales tax for the sample's clean invoices, in the shapes the generator uses. Every figure
/// comes from the core calculator (<see cref="SalesTax"/>, <see cref="Tax.PlaceOfSupply"/>), so
/// the sample and the tax rules cannot disagree on a rate, a place of supply or a rounding.
/// </summary>
internal static class SampleTax
{
    /// <summary>Rounds to the cent, half away from zero, and always carries two decimals (scale 2).</summary>
    public static decimal Round(decimal amount) => SalesTax.Round(amount);

    /// <summary>
    /// Construction, installation, leases and goods are taxed where the site is; other services
    /// where the recipient is (domain.md §1, place of supply).
    /// </summary>
    public static Province PlaceOfSupply(SupplyType? supply, Province site, Province? payer) =>
        Tax.PlaceOfSupply.For(supply, site, payer).Province;

    /// <summary>When tax becomes payable: the earlier of payment and the due date.</summary>
    public static DateOnly TaxDate(DateOnly dueDate, DateOnly? paidOn) => SalesTax.TaxDate(dueDate, paidOn);

    public static TaxComponents Compute(Province place, DateOnly taxDate, decimal subtotal, IReadOnlyCollection<Province> sellerPstRegistrations)
    {
        var tax = SalesTax.Compute(place, taxDate, subtotal, sellerPstRegistrations.Contains(place));
        return new(tax.Gst, tax.Hst, tax.Qst, tax.Pst);
    }
}
