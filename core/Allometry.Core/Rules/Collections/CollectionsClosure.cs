namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// Why a collections exception closed, read from the ledger that no longer raises it (see
/// <see cref="Exceptions.IExplainsClosure"/>); null leaves the generic "condition cleared".
/// </summary>
internal static class CollectionsClosure
{
    /// <summary>An invoice subject: voided, or its balance cleared (with the last payment's date when there is one).</summary>
    public static LocalizedText? OfInvoice(FindingSubject subject, RuleContext context)
    {
        if (subject.Kind != SubjectKind.Invoice || context.Ledger.Invoice(subject.Id) is not { } invoice) return null;
        if (invoice.Status == InvoiceStatus.Void) return new("invoice voided", "facture annulée");
        if (invoice.Balance != 0m) return null;
        var last = context.Ledger.ApplicationsTo(invoice.InvoiceId)
            .Select(a => context.Ledger.Payment(a.PaymentId)?.ReceivedOn)
            .Max();
        return last is { } on
            ? new($"paid in full (last payment {CollectionsText.Iso(on)})", $"payée en totalité (dernier paiement le {CollectionsText.Iso(on)})")
            : new("balance cleared", "solde ramené à zéro");
    }

    /// <summary>Unapplied cash: the payment fully applied, the credit line used, or nothing left open to apply it to.</summary>
    public static LocalizedText? OfCash(FindingSubject subject, RuleContext context)
    {
        var ledger = context.Ledger;
        var (payerId, cleared) = subject.Kind switch
        {
            SubjectKind.Payment when ledger.Payment(subject.Id) is { } p => (p.PayerId, ledger.UnappliedAmount(p) <= 0m),
            SubjectKind.Invoice when ledger.Invoice(subject.Id) is { } i => (i.PayerId, i.Balance >= 0m || i.Status == InvoiceStatus.Void),
            _ => (null, false),
        };
        if (payerId is null) return null;
        if (cleared) return new("cash applied", "encaissement appliqué");
        return ledger.InvoicesOfPayer(payerId).Any(i => i.Balance > 0m && i.Status != InvoiceStatus.Void)
            ? null
            : new("no open invoice left for the payer", "plus aucune facture ouverte pour ce client");
    }

    /// <summary>A project subject with nothing left open.</summary>
    public static LocalizedText? OfProject(FindingSubject subject, RuleContext context) =>
        subject.Kind == SubjectKind.Project
        && context.Ledger.Project(subject.Id) is not null
        && !context.Ledger.InvoicesOfProject(subject.Id).Any(i => i.Balance > 0m && i.Status != InvoiceStatus.Void)
            ? new LocalizedText("no open invoice left on the project", "plus aucune facture ouverte sur le projet")
            : null;
}
