namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Aging;
using Allometry.Core.Exceptions;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// OverdueInvoice (domain.md §4): an invoice with a balance past its due date. One finding per
/// invoice (an aging-summary line counts as one), amount = its balance. Runs on a bare aging
/// export (invoices alone).
/// </summary>
/// <remarks>
/// Severity until the collections score (§3) ranks the queue, by days beyond terms
/// (max(0, as-of − due)) and balance, thresholds in <see cref="RuleSettings"/>:
/// <code>
/// days beyond terms   balance &lt; 25,000   balance ≥ 25,000
/// 1–30                Low                Medium
/// 31–90               Medium             High
/// 91+                 High               High
/// </code>
/// <see cref="Finding.PayerId"/> is the entity that now holds the liability (after successor and
/// handoff links), which is where the reminder goes.
/// </remarks>
public sealed class OverdueInvoiceRule : IRule, IExplainsClosure
{
    public string Id => "OverdueInvoice";

    public int Version => 1;

    public IReadOnlyList<string> RequiredSheets { get; } = [LedgerSheets.Invoices];

    /// <summary>The severity of an invoice <paramref name="daysBeyondTerms"/> past due with <paramref name="balance"/> open.</summary>
    public static Severity SeverityOf(int daysBeyondTerms, decimal balance, RuleSettings settings)
    {
        var tier = daysBeyondTerms > settings.OverdueHighDays ? Severity.High
            : daysBeyondTerms > settings.OverdueMediumDays ? Severity.Medium
            : Severity.Low;
        return balance >= settings.OverdueLargeBalance && tier < Severity.High ? tier + 1 : tier;
    }

    /// <inheritdoc />
    public LocalizedText? ClosureReason(FindingSubject subject, RuleContext context) => CollectionsClosure.OfInvoice(subject, context);

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ledger = context.Ledger;
        var map = LiabilityMap.Of(ledger);
        foreach (var invoice in ledger.Invoices.Where(i => i.Balance > 0m && i.Status != InvoiceStatus.Void))
        {
            var days = AgingBuckets.DaysPastDue(context.AsOf, invoice.DueDate);
            if (days == 0) continue;
            yield return Build(context, invoice, days, map.HolderNow(invoice, context.AsOf));
        }
    }

    private Finding Build(RuleContext context, Invoice invoice, int days, string holderId)
    {
        var severity = SeverityOf(days, invoice.Balance, context.Settings);
        var payer = CollectionsText.Payer(context.Ledger, invoice.PayerId);
        var late = CollectionsText.Days(days);
        var due = CollectionsText.Iso(invoice.DueDate);
        var bucket = AgingBuckets.Of(days);
        string Money(Language l) => CollectionsText.Money(invoice.Balance, l);
        var rerouted = string.Equals(holderId, invoice.PayerId, StringComparison.Ordinal)
            ? new LocalizedText("", "")
            : new LocalizedText($" The liability is now with {CollectionsText.Payer(context.Ledger, holderId)}.",
                $" La responsabilité relève maintenant de {CollectionsText.Payer(context.Ledger, holderId)}.");
        return new Finding
        {
            RuleId = Id,
            RuleVersion = Version,
            Severity = severity,
            Subject = new FindingSubject(SubjectKind.Invoice, invoice.InvoiceId),
            AmountAtRisk = invoice.Balance,
            Currency = invoice.Currency,
            PayerId = holderId,
            ProjectId = invoice.ProjectId,
            Title = new LocalizedText(
                $"{invoice.InvoiceId} overdue by {late.En}: {Money(Language.En)}",
                $"{invoice.InvoiceId} en retard de {late.Fr} : {Money(Language.Fr)}"),
            Detail = new LocalizedText(
                $"{invoice.InvoiceId} to {payer} was due {due} and still has {Money(Language.En)} outstanding, {late.En} beyond terms (aging bucket: {AgingBuckets.Label(bucket, Language.En)}).{rerouted.En}",
                $"La facture {invoice.InvoiceId} adressée à {payer}, échue le {due}, a encore un solde de {Money(Language.Fr)}, {late.Fr} après l'échéance (tranche : {AgingBuckets.Label(bucket, Language.Fr)}).{rerouted.Fr}"),
            SuggestedAction = severity switch
            {
                Severity.High => new LocalizedText(
                    "Escalate: call the payer's decision maker, get a firm payment date and consider a credit hold.",
                    "Faire remonter le dossier : appeler le décideur chez le client, obtenir une date de paiement ferme et envisager une suspension de crédit."),
                Severity.Medium => new LocalizedText(
                    "Call the payer's accounts payable and get a payment date.",
                    "Appeler les comptes fournisseurs du client et obtenir une date de paiement."),
                _ => new LocalizedText(
                    "Send a friendly reminder with a copy of the invoice.",
                    "Envoyer un rappel courtois avec une copie de la facture."),
            },
            Evidence =
            [
                new(LedgerSheets.Invoices, invoice.InvoiceId, "balance", "0.00", CollectionsText.Invariant(invoice.Balance),
                    new LocalizedText("Expected paid by the due date.", "Devait être payée à l'échéance.")),
                new(LedgerSheets.Invoices, invoice.InvoiceId, "due_date", null, due,
                    new LocalizedText($"{late.En} beyond terms as of {CollectionsText.Iso(context.AsOf)}.", $"{late.Fr} après l'échéance au {CollectionsText.Iso(context.AsOf)}.")),
            ],
        };
    }
}
