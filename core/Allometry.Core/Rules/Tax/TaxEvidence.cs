namespace Allometry.Core.Rules.Tax;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Tax;
using static Allometry.Core.Rules.Tax.TaxTexts;

/// <summary>The rows behind a tax verdict: components expected vs printed, and what decided the place and the date.</summary>
internal static class TaxEvidence
{
    public static IReadOnlyList<Evidence> For(InvoiceTaxReview review)
    {
        var tax = review.Tax;
        var invoice = tax.Invoice;
        var list = new List<Evidence>();
        foreach (var component in TaxComponents.All.Where(c => review.WrongComponents.Contains(c)))
        {
            list.Add(new Evidence(LedgerSheets.Invoices, invoice.InvoiceId, Field(component),
                Invariant(tax.Expected[component]), Invariant(tax.Charged[component]), Basis(tax, component)));
        }
        list.Add(new Evidence(LedgerSheets.Invoices, invoice.InvoiceId, "tax_province",
            tax.Place.Province.ToString(), invoice.TaxProvince?.ToString(), Place(tax.Place)));
        if (tax.Project is { } project)
        {
            list.Add(new Evidence(LedgerSheets.Projects, project.ProjectId, "site_province", null, project.SiteProvince.ToString()));
            list.Add(new Evidence(LedgerSheets.Projects, project.ProjectId, "supply_type", null, project.SupplyType?.ToString().ToLowerInvariant()));
        }
        if (tax.Place.Basis == PlaceOfSupplyBasis.Recipient)
        {
            list.Add(new Evidence(LedgerSheets.Payers, invoice.PayerId, "province", null, tax.Place.Province.ToString()));
        }
        if (tax.Place.Province == Province.NS)
        {
            list.Add(new Evidence(LedgerSheets.Invoices, invoice.InvoiceId, "due_date", null, Iso(invoice.DueDate), TaxDate(tax)));
        }
        return list;
    }

    // "HST at 13 % on 39,297.16", or "no QST due in ON" for a component the place does not call for.
    private static LocalizedText Basis(ExpectedInvoiceTax tax, TaxComponent component)
    {
        var place = tax.Place.Province;
        var rate = Rate(tax.Rates, component, tax.SellerPstRegistered);
        string L(Language l) => Label(component, l, place);
        string N(Language l) => MoneyFormat.Number(tax.Invoice.Subtotal, l);
        return rate == 0m
            ? new LocalizedText($"no {L(Language.En)} due in {place}", $"aucune {L(Language.Fr)} exigible ({place})")
            : new LocalizedText($"{L(Language.En)} at {Percent(rate, Language.En)} on {N(Language.En)}", $"{L(Language.Fr)} à {Percent(rate, Language.Fr)} sur {N(Language.Fr)}");
    }

    private static decimal Rate(ProvinceTaxRates rates, TaxComponent component, bool pstRegistered) => component switch
    {
        TaxComponent.Gst => rates.Gst,
        TaxComponent.Hst => rates.Hst,
        TaxComponent.Qst => rates.Qst,
        _ => pstRegistered ? rates.Pst : 0m,
    };
}
