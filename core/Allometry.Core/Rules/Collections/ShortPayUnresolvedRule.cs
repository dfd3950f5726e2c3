namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Exceptions;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// ShortPayUnresolved (domain.md §4), Medium: an invoice was paid in part and the residual,
/// above <see cref="RuleSettings.ShortPayTolerance"/>, has stayed open more than
/// <see cref="RuleSettings.ShortPayDays"/> days after the last payment applied to it.
/// </summary>
/// <remarks>
/// The residual is the invoice's balance, which is also the amount at risk. A residual equal to
/// the holdback recorded on the invoice (before or after tax, within the tolerance) is a
/// net-of-holdback receipt, not a short pay (domain.md §2): the retainage rules own it.
/// </remarks>
public sealed class ShortPayUnresolvedRule : IRule, IExplainsClosure
{
    public string Id => "ShortPayUnresolved";

    public int Version => 1;

    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Invoices, LedgerSheets.Payments, LedgerSheets.PaymentApplications];

    /// <inheritdoc />
    public LocalizedText? ClosureReason(FindingSubject subject, RuleContext context) => CollectionsClosure.OfInvoice(subject, context);

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ledger = context.Ledger;
        var settings = context.Settings;
        var map = LiabilityMap.Of(ledger);
        foreach (var invoice in ledger.Invoices.Where(i => i.Balance > settings.ShortPayTolerance && i.Status != InvoiceStatus.Void))
        {
            var paid = ledger.ApplicationsTo(invoice.InvoiceId)
                .Select(a => (Application: a, Payment: ledger.Payment(a.PaymentId)))
                .Where(x => x.Payment is not null && x.Payment.ReceivedOn <= context.AsOf)
                .OrderBy(x => x.Payment!.ReceivedOn).ThenBy(x => x.Payment!.PaymentId, StringComparer.Ordinal)
                .ToList();
            if (paid.Count == 0 || IsHoldback(invoice, settings.ShortPayTolerance)) continue;
            var last = paid[^1].Payment!;
            var days = context.AsOf.DayNumber - last.ReceivedOn.DayNumber;
            if (days <= settings.ShortPayDays) continue;
            yield return Build(context, invoice, last, paid.Sum(x => x.Application.Amount), days, map.HolderNow(invoice, context.AsOf),
                [.. paid.Select(x => new Evidence(LedgerSheets.PaymentApplications, $"{x.Payment!.PaymentId}>{invoice.InvoiceId}", "amount",
                    null, CollectionsText.Invariant(x.Application.Amount),
                    new LocalizedText($"Received {CollectionsText.Iso(x.Payment.ReceivedOn)}.", $"Reçu le {CollectionsText.Iso(x.Payment.ReceivedOn)}.")))]);
        }
    }

    private static bool IsHoldback(Invoice invoice, decimal tolerance)
    {
        if (invoice.RetainageHeld <= 0m) return false;
        var taxed = invoice.Subtotal == 0m ? invoice.RetainageHeld : invoice.RetainageHeld * invoice.Total / invoice.Subtotal;
        return Math.Abs(invoice.Balance - invoice.RetainageHeld) <= tolerance || Math.Abs(invoice.Balance - taxed) <= tolerance;
    }

    private Finding Build(RuleContext context, Invoice invoice, Payment last, decimal applied, int days, string holderId, IReadOnlyList<Evidence> payments)
    {
        var payer = CollectionsText.Payer(context.Ledger, invoice.PayerId);
        var since = CollectionsText.Days(days);
        var on = CollectionsText.Iso(last.ReceivedOn);
        string M(decimal a, Language l) => CollectionsText.Money(a, l);
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = Severity.Medium,
            Subject = new FindingSubject(SubjectKind.Invoice, invoice.InvoiceId),
            AmountAtRisk = invoice.Balance,
            Currency = invoice.Currency,
            PayerId = holderId,
            ProjectId = invoice.ProjectId,
            Title = new LocalizedText(
                $"Short pay on {invoice.InvoiceId}: {M(invoice.Balance, Language.En)} unresolved for {since.En}",
                $"Paiement partiel sur {invoice.InvoiceId} : écart de {M(invoice.Balance, Language.Fr)} non réglé depuis {since.Fr}"),
            Detail = new LocalizedText(
                $"{payer} paid {M(applied, Language.En)} of {M(invoice.Total, Language.En)} on {invoice.InvoiceId}, last on {on} ({last.PaymentId}); the residual of {M(invoice.Balance, Language.En)} has been open {since.En} with no credit note.",
                $"{payer} a réglé {M(applied, Language.Fr)} sur {M(invoice.Total, Language.Fr)} pour la facture {invoice.InvoiceId}, dernier paiement le {on} ({last.PaymentId}); le solde résiduel de {M(invoice.Balance, Language.Fr)} est ouvert depuis {since.Fr}, sans note de crédit."),
            SuggestedAction = new LocalizedText(
                "Ask the payer why it paid short, then open a dispute or write the residual off with a credit note.",
                "Demander au client la raison de l'écart, puis ouvrir un litige ou radier le solde par une note de crédit."),
            Evidence =
            [
                new(LedgerSheets.Invoices, invoice.InvoiceId, "balance", CollectionsText.Invariant(0m), CollectionsText.Invariant(invoice.Balance),
                    new LocalizedText($"Total {CollectionsText.Invariant(invoice.Total)}, paid {CollectionsText.Invariant(applied)}.", $"Total {CollectionsText.Invariant(invoice.Total)}, payé {CollectionsText.Invariant(applied)}.")),
                .. payments,
            ],
        };
    }
}
