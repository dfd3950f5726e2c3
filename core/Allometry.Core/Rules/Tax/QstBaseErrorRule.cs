namespace Allometry.Core.Rules.Tax;

using Allometry.Core.Imports;
using Allometry.Core.Localization;
using Allometry.Core.Tax;
using static Allometry.Core.Rules.Tax.TaxTexts;

/// <summary>
/// QstBaseError (domain.md §4), Medium: a Quebec invoice whose QST was computed on subtotal + GST
/// (9.975 % of 105 %, an effective 10.474 %) instead of on the price excluding GST, everything
/// else being right. Amount at risk: charged QST − 9.975 % of the subtotal, i.e.
/// |charged tax − expected tax|.
/// </summary>
/// <remarks>
/// Takes precedence over <see cref="TaxProvinceMismatchRule"/> for the same invoice (see
/// <see cref="TaxReviewer"/>): the invoice is reported once, with the precise fix.
/// </remarks>
public sealed class QstBaseErrorRule : IRule
{
    public string Id => "QstBaseError";
    public int Version => 1;
    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Meta, LedgerSheets.Projects, LedgerSheets.Invoices];

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TaxReviewer.Faults(context).Where(r => r.Fault == TaxFault.QstOnGst).Select(r => ToFinding(r));
    }

    private Finding ToFinding(InvoiceTaxReview review)
    {
        var tax = review.Tax;
        var invoice = tax.Invoice;
        var currency = invoice.Currency;
        string M(decimal amount, Language l) => Money(amount, l, currency);
        var qst = tax.Expected.Qst;
        var printed = tax.Charged.Qst;
        var wrongBase = invoice.Subtotal + tax.Charged.Gst;

        var evidence = new List<Evidence>(TaxEvidence.For(review))
        {
            new(LedgerSheets.Invoices, invoice.InvoiceId, "qst", null, Invariant(printed),
                new LocalizedText(
                    $"9.975 % of subtotal + GST ({MoneyFormat.Number(wrongBase, Language.En)}) = {MoneyFormat.Number(TaxReviewer.QstOnSubtotalPlusGst(tax), Language.En)}",
                    $"9,975 % du sous-total plus la TPS ({MoneyFormat.Number(wrongBase, Language.Fr)}) = {MoneyFormat.Number(TaxReviewer.QstOnSubtotalPlusGst(tax), Language.Fr)}")),
        };

        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.Medium,
            Subject = new FindingSubject(SubjectKind.Invoice, invoice.InvoiceId),
            AmountAtRisk = review.AmountAtRisk,
            Currency = currency,
            PayerId = invoice.PayerId,
            ProjectId = invoice.ProjectId,
            Title = new(
                $"{invoice.InvoiceId}: QST computed on subtotal + GST",
                $"{invoice.InvoiceId} : TVQ calculée sur le sous-total plus la TPS"),
            Detail = new(
                $"QST is 9.975 % of the price before GST: expected {M(qst, Language.En)} on {M(invoice.Subtotal, Language.En)}, found {M(printed, Language.En)} (9.975 % of {M(wrongBase, Language.En)}, subtotal + GST). The customer is overcharged {M(review.AmountAtRisk, Language.En)}.",
                $"La TVQ est de 9,975 % du prix avant TPS : attendue {M(qst, Language.Fr)} sur {M(invoice.Subtotal, Language.Fr)}, facturée {M(printed, Language.Fr)} (9,975 % de {M(wrongBase, Language.Fr)}, sous-total plus TPS). Le client paie {M(review.AmountAtRisk, Language.Fr)} de trop."),
            SuggestedAction = new(
                $"Recompute the QST on the price excluding GST and issue a credit note of {M(review.AmountAtRisk, Language.En)}; fix the tax setup so QST is not applied on GST.",
                $"Recalculer la TVQ sur le prix excluant la TPS et émettre une note de crédit de {M(review.AmountAtRisk, Language.Fr)}; corriger le paramétrage pour que la TVQ ne s'applique plus sur la TPS."),
            Evidence = evidence,
        };
    }
}
