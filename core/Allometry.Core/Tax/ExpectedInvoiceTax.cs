namespace Allometry.Core.Tax;

using Allometry.Core.Ledger;

/// <summary>
/// What an invoice should have charged, beside what it did charge, with every fact the answer
/// rests on (place of supply, tax date, PST registration) so a finding can cite them.
/// </summary>
/// <param name="Invoice">The invoice examined.</param>
/// <param name="Project">Its project, when the ledger has it (the site and supply type come from there).</param>
/// <param name="Place">Where the supply is taxed, and why.</param>
/// <param name="FirstPaymentOn">The first payment applied to the invoice, if any.</param>
/// <param name="TaxDate">When tax became payable: the earlier of <paramref name="FirstPaymentOn"/> and the due date.</param>
/// <param name="Rates">The rates of the place of supply on the tax date.</param>
/// <param name="SellerPstRegistered">Whether the seller charges PST/RST in the place of supply.</param>
/// <param name="Expected">The components the place of supply calls for.</param>
public sealed record ExpectedInvoiceTax(
    Invoice Invoice,
    Project? Project,
    PlaceOfSupply Place,
    DateOnly? FirstPaymentOn,
    DateOnly TaxDate,
    ProvinceTaxRates Rates,
    bool SellerPstRegistered,
    TaxComponents Expected)
{
    /// <summary>The components printed on the invoice.</summary>
    public TaxComponents Charged => TaxComponents.Of(Invoice);

    /// <summary>Charged minus expected, all components together (positive = overcharged).</summary>
    public decimal Difference => Charged.Total - Expected.Total;

    /// <summary>Charged minus expected for one component.</summary>
    public decimal DifferenceOf(TaxComponent component) => Charged[component] - Expected[component];
}
