namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>An open invoice whose bill-to is not the entity that should be chased for it.</summary>
/// <param name="Invoice">The invoice.</param>
/// <param name="Reason">Why it is exposed.</param>
/// <param name="ExpectedPayerId">Who should have been billed on the issue date, or who holds it now.</param>
/// <param name="TransferOn">When the liability moved, if a dated link says so.</param>
internal sealed record ExposedInvoice(Invoice Invoice, PayerChangeReason Reason, string ExpectedPayerId, DateOnly? TransferOn)
{
    public LocalizedText Explain(LedgerSnapshot ledger)
    {
        var id = Invoice.InvoiceId;
        var (en, fr) = (CollectionsText.Money(Invoice.Balance, Language.En), CollectionsText.Money(Invoice.Balance, Language.Fr));
        var billed = CollectionsText.Payer(ledger, Invoice.PayerId);
        var expected = CollectionsText.Payer(ledger, ExpectedPayerId);
        var issued = CollectionsText.Iso(Invoice.IssueDate);
        var on = TransferOn is { } date ? CollectionsText.Iso(date) : null;
        return Reason switch
        {
            PayerChangeReason.LeftOnOldEntity => on is null
                ? new($"{id} ({en}) is still open on {billed}, but the project now names {expected} as its payer.",
                      $"{id} ({fr}) est toujours ouverte au nom de {billed}, mais le projet désigne maintenant {expected} comme payeur.")
                : new($"{id} ({en}) is still open on {billed}, but the liability moved to {expected} on {on}.",
                      $"{id} ({fr}) est toujours ouverte au nom de {billed}, alors que la responsabilité est passée à {expected} le {on}."),
            PayerChangeReason.BilledToOther =>
                new($"{id} ({en}) was billed to {billed} on {issued}, but {expected} held the contract that day.",
                    $"{id} ({fr}) a été facturée à {billed} le {issued}, alors que le contrat relevait de {expected} ce jour-là."),
            PayerChangeReason.BilledBeforeTransfer =>
                new($"{id} ({en}) was billed to {billed} on {issued}, before it took over from {expected}{(on is null ? "" : $" on {on}")}.",
                    $"{id} ({fr}) a été facturée à {billed} le {issued}, avant sa reprise du dossier de {expected}{(on is null ? "" : $" le {on}")}."),
            _ =>
                new($"{id} ({en}) is open on a project that a third party keeps paying for {billed}.",
                    $"{id} ({fr}) est ouverte sur un projet qu'un tiers paie régulièrement à la place de {billed}."),
        };
    }

    public Evidence ToEvidence(LedgerSnapshot ledger) =>
        new(Imports.LedgerSheets.Invoices, Invoice.InvoiceId, "payer_id", ExpectedPayerId, Invoice.PayerId, Explain(ledger));
}
