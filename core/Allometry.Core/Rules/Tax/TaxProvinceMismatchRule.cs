namespace Allometry.Core.Rules.Tax;

using Allometry.Core.Imports;
using Allometry.Core.Localization;
using static Allometry.Core.Rules.Tax.TaxTexts;

/// <summary>
/// TaxProvinceMismatch (domain.md §4), High: an invoice's tax components differ from what its
/// place of supply calls for, or a component is off by more than
/// <see cref="RuleSettings.TaxComponentTolerance"/>. Catches Quebec tax on an Ontario site, 13 %
/// HST on a Quebec site, GST alone in an HST province, PST on top of HST or in Alberta,
/// construction taxed at the billing address, a lease taxed at head office. Amount at risk:
/// |charged tax − expected tax|.
/// </summary>
/// <remarks>
/// An invoice whose only error is the QST base or Nova Scotia's stale 15 % belongs to
/// <see cref="QstBaseErrorRule"/> or <see cref="StaleNsRateRule"/> instead (see
/// <see cref="TaxReviewer"/>), never to both. Needs <c>projects</c> for the place of supply and
/// <c>meta</c> for the seller's PST registrations; <c>payments</c>, when present, date the tax.
/// </remarks>
public sealed class TaxProvinceMismatchRule : IRule
{
    public string Id => "TaxProvinceMismatch";
    public int Version => 1;
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Meta, LedgerSheets.Projects, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TaxReviewer.Faults(context).Where(r => r.Fault == TaxFault.Mismatch).Select(r => ToFinding(r));
    }

    private Finding ToFinding(InvoiceTaxReview review)
    {
        var tax = review.Tax;
        var invoice = tax.Invoice;
        var currency = invoice.Currency;
        var place = tax.Place.Province;
        var charged = Describe(tax.Charged, currency, invoice.TaxProvince ?? place);
        var expected = Describe(tax.Expected, currency, place);
        var where = Place(tax.Place);
        var printedEn = invoice.TaxProvince is { } printed && printed != place ? $", taxed as {printed}" : "";
        var printedFr = invoice.TaxProvince is { } p2 && p2 != place ? $", taxée comme {p2}" : "";
        string Gap(Language l) => Money(review.AmountAtRisk, l, currency);
        string Sub(Language l) => Money(invoice.Subtotal, l, currency);
        var direction = tax.Difference switch
        {
            > 0m => new LocalizedText($"overcharged by {Gap(Language.En)}", $"surfacturées de {Gap(Language.Fr)}"),
            < 0m => new LocalizedText($"undercharged by {Gap(Language.En)}", $"sous-facturées de {Gap(Language.Fr)}"),
            _ => new LocalizedText("same total, wrong components", "même total, mauvaises composantes"),
        };

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
                $"{invoice.InvoiceId}: tax does not match the place of supply ({place}{printedEn})",
                $"{invoice.InvoiceId} : taxes non conformes au lieu de fourniture ({place}{printedFr})"),
            Detail = new(
                $"Place of supply: {where.En}. On {Sub(Language.En)} the invoice should carry {expected.En}; it carries {charged.En} — tax {direction.En}.",
                $"Lieu de fourniture : {where.Fr}. Sur {Sub(Language.Fr)}, la facture devrait porter {expected.Fr}; elle porte {charged.Fr} — taxes {direction.Fr}."),
            SuggestedAction = new(
                $"Issue a credit note for {invoice.InvoiceId} and re-issue it with {expected.En}.",
                $"Émettre une note de crédit pour {invoice.InvoiceId} et refacturer avec {expected.Fr}."),
            Evidence = TaxEvidence.For(review),
        };
    }
}
