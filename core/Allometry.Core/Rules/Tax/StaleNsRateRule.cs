namespace Allometry.Core.Rules.Tax;

using Allometry.Core.Imports;
using Allometry.Core.Localization;
using Allometry.Core.Tax;
using static Allometry.Core.Rules.Tax.TaxTexts;

/// <summary>
/// StaleNsRate (domain.md §4), High: a Nova Scotia supply whose tax became payable on or after
/// 2025-04-01 (the earlier of the first payment and the due date) charged at the old 15 % HST
/// instead of 14 %, everything else being right. Amount at risk: charged HST − 14 % of the
/// subtotal, i.e. |charged tax − expected tax|.
/// </summary>
/// <remarks>
/// Takes precedence over <see cref="TaxProvinceMismatchRule"/> for the same invoice (see
/// <see cref="TaxReviewer"/>). Without a <c>payments</c> sheet the tax date is the due date.
/// </remarks>
public sealed class StaleNsRateRule : IRule
{
    public string Id => "StaleNsRate";
    public int Version => 1;
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Meta, LedgerSheets.Projects, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TaxReviewer.Faults(context).Where(r => r.Fault == TaxFault.StaleNsRate).Select(r => ToFinding(r));
    }

    private Finding ToFinding(InvoiceTaxReview review)
    {
        var tax = review.Tax;
        var invoice = tax.Invoice;
        var currency = invoice.Currency;
        string M(decimal amount, Language l) => Money(amount, l, currency);
        var date = TaxDate(tax);
        var change = Iso(SalesTax.NsRateChange);

        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.High,
            Subject = new FindingSubject(SubjectKind.Invoice, invoice.InvoiceId),
            AmountAtRisk = review.AmountAtRisk,
            Currency = currency,
            PayerId = invoice.PayerId,
            ProjectId = invoice.ProjectId,
            Title = new(
                $"{invoice.InvoiceId}: Nova Scotia HST charged at 15 % instead of 14 %",
                $"{invoice.InvoiceId} : TVH de la Nouvelle-Écosse facturée à 15 % au lieu de 14 %"),
            Detail = new(
                $"Tax became payable on {date.En}; Nova Scotia's HST is 14 % since {change}. Expected {M(tax.Expected.Hst, Language.En)} on {M(invoice.Subtotal, Language.En)}, found {M(tax.Charged.Hst, Language.En)}: the customer is overcharged {M(review.AmountAtRisk, Language.En)}.",
                $"La taxe est devenue payable le {date.Fr}; la TVH de la Nouvelle-Écosse est de 14 % depuis le {change}. Attendu {M(tax.Expected.Hst, Language.Fr)} sur {M(invoice.Subtotal, Language.Fr)}, facturé {M(tax.Charged.Hst, Language.Fr)} : le client paie {M(review.AmountAtRisk, Language.Fr)} de trop."),
            SuggestedAction = new(
                $"Issue a credit note for {invoice.InvoiceId} and re-issue it at 14 % HST; update the Nova Scotia tax code.",
                $"Émettre une note de crédit pour {invoice.InvoiceId} et refacturer à 14 % de TVH; mettre à jour le code de taxe de la Nouvelle-Écosse."),
            Evidence = TaxEvidence.For(review),
        };
    }
}
