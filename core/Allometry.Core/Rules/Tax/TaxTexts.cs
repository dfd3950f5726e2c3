namespace Allometry.Core.Rules.Tax;

using System.Globalization;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Tax;

/// <summary>The words the tax findings share, in English and Quebec French.</summary>
internal static class TaxTexts
{
    /// <summary>"$1,234.56" / "1 234,56 $".</summary>
    public static string Money(decimal amount, Language language, string currency) => MoneyFormat.Format(amount, language, currency);

    /// <summary>Invariant amount for evidence ("149.63").</summary>
    public static string Invariant(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Invariant date for evidence and texts ("2025-04-01").</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A rate as people write it: "14 %", "9.975 %" / "9,975 %".</summary>
    public static string Percent(decimal rate, Language language)
    {
        var text = (rate * 100m).ToString("0.###", CultureInfo.InvariantCulture);
        return language == Language.Fr ? $"{text.Replace('.', ',')}\u00A0%" : $"{text} %";
    }

    /// <summary>The abbreviation of a component: GST/TPS, HST/TVH, QST/TVQ, PST/TVP (Manitoba: RST/TVD).</summary>
    public static string Label(TaxComponent component, Language language, Province? province = null) => (component, language) switch
    {
        (TaxComponent.Gst, Language.Fr) => "TPS",
        (TaxComponent.Gst, _) => "GST",
        (TaxComponent.Hst, Language.Fr) => "TVH",
        (TaxComponent.Hst, _) => "HST",
        (TaxComponent.Qst, Language.Fr) => "TVQ",
        (TaxComponent.Qst, _) => "QST",
        (TaxComponent.Pst, Language.Fr) => province == Province.MB ? "TVD" : "TVP",
        _ => province == Province.MB ? "RST" : "PST",
    };

    /// <summary>The column of the <c>invoices</c> sheet holding a component.</summary>
    public static string Field(TaxComponent component) => component switch
    {
        TaxComponent.Gst => "gst",
        TaxComponent.Hst => "hst",
        TaxComponent.Qst => "qst",
        _ => "pst",
    };

    /// <summary>"GST $500.00 + QST $997.50", or "no tax" when every component is zero.</summary>
    public static string Describe(TaxComponents components, Language language, string currency, Province? province)
    {
        var parts = TaxComponents.All.Where(c => components[c] != 0m)
            .Select(c => $"{Label(c, language, province)} {Money(components[c], language, currency)}")
            .ToList();
        return parts.Count > 0 ? string.Join(" + ", parts) : language == Language.Fr ? "aucune taxe" : "no tax";
    }

    /// <summary>The components described in both languages.</summary>
    public static LocalizedText Describe(TaxComponents components, string currency, Province? province) =>
        new(Describe(components, Language.En, currency, province), Describe(components, Language.Fr, currency, province));

    /// <summary>Why the place of supply is where it is, e.g. "ON — installation work at the site".</summary>
    public static LocalizedText Place(PlaceOfSupply place)
    {
        var p = place.Province;
        return place.Basis switch
        {
            PlaceOfSupplyBasis.DeliverySite => new($"{p} (goods delivered to the site)", $"{p} (biens livrés sur le site)"),
            PlaceOfSupplyBasis.EquipmentLocation => new($"{p} (leased equipment located at the site)", $"{p} (équipement loué situé sur le site)"),
            PlaceOfSupplyBasis.PropertySite => new($"{p} (construction or installation at the site)", $"{p} (travaux de construction ou d'installation sur le site)"),
            PlaceOfSupplyBasis.Recipient => new($"{p} (service, taxed at the payer's address)", $"{p} (service, taxé selon l'adresse du payeur)"),
            PlaceOfSupplyBasis.Site => new($"{p} (the project's site)", $"{p} (le site du projet)"),
            _ => new($"{p} (as printed on the invoice; no project to locate the supply)", $"{p} (selon la facture; aucun projet pour situer la fourniture)"),
        };
    }

    /// <summary>How the tax date was found: "2025-03-20, the first payment (due 2025-04-19)".</summary>
    public static LocalizedText TaxDate(ExpectedInvoiceTax tax) =>
        tax.FirstPaymentOn is { } paid && paid == tax.TaxDate && paid < tax.Invoice.DueDate
            ? new($"{Iso(tax.TaxDate)}, the day of the first payment (due {Iso(tax.Invoice.DueDate)})",
                  $"{Iso(tax.TaxDate)}, jour du premier paiement (échéance le {Iso(tax.Invoice.DueDate)})")
            : new($"{Iso(tax.TaxDate)}, the due date", $"{Iso(tax.TaxDate)}, la date d'échéance");
}
