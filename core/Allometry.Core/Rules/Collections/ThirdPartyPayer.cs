namespace Allometry.Core.Rules.Collections;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>A payer that paid invoices of a project without being billed for them.</summary>
/// <param name="PayerId">Who paid.</param>
/// <param name="InvoiceIds">The distinct invoices of the project it paid, in id order.</param>
/// <param name="Payments">The payments that did it.</param>
internal sealed record ThirdPartyPayer(string PayerId, IReadOnlyList<string> InvoiceIds, IReadOnlyList<Payment> Payments)
{
    /// <summary>
    /// Payers other than the invoice's bill-to and the project's current holder that paid more than
    /// <paramref name="maxInvoices"/> of the project's invoices.
    /// </summary>
    public static IReadOnlyList<ThirdPartyPayer> Of(LedgerSnapshot ledger, Project project, string holderId, int maxInvoices) =>
        PaidByAnotherPayer(ledger, project, holderId) ? Group(ledger, project, holderId, maxInvoices) : [];

    // Most projects are paid by their bill-to: looked for without building the groups (the rule
    // asks for every project with something open, thousands in a whole-tenant evaluation).
    private static bool PaidByAnotherPayer(LedgerSnapshot ledger, Project project, string holderId)
    {
        foreach (var invoice in ledger.InvoicesOfProject(project.ProjectId))
        {
            foreach (var application in ledger.ApplicationsTo(invoice.InvoiceId))
            {
                if (ledger.Payment(application.PaymentId) is { } payment && PaidByThirdParty(payment, invoice, holderId)) return true;
            }
        }
        return false;
    }

    // Neither the invoice's bill-to nor the project's current holder paid it.
    private static bool PaidByThirdParty(Payment payment, Invoice invoice, string holderId) =>
        !string.Equals(payment.PayerId, invoice.PayerId, StringComparison.Ordinal)
        && !string.Equals(payment.PayerId, holderId, StringComparison.Ordinal);

    private static IReadOnlyList<ThirdPartyPayer> Group(LedgerSnapshot ledger, Project project, string holderId, int maxInvoices) =>
    [
        .. ledger.InvoicesOfProject(project.ProjectId)
            .SelectMany(invoice => ledger.ApplicationsTo(invoice.InvoiceId)
                .Select(a => (Invoice: invoice, Payment: ledger.Payment(a.PaymentId)))
                .Where(x => x.Payment is not null))
            .Where(x => PaidByThirdParty(x.Payment!, x.Invoice, holderId))
            .GroupBy(x => x.Payment!.PayerId, StringComparer.Ordinal)
            .Select(g => new ThirdPartyPayer(
                g.Key,
                [.. g.Select(x => x.Invoice.InvoiceId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. g.Select(x => x.Payment!).DistinctBy(p => p.PaymentId).OrderBy(p => p.PaymentId, StringComparer.Ordinal)]))
            .Where(t => t.InvoiceIds.Count > maxInvoices)
            .OrderBy(t => t.PayerId, StringComparer.Ordinal),
    ];

    public LocalizedText Explain(LedgerSnapshot ledger)
    {
        var who = CollectionsText.Payer(ledger, PayerId);
        return new(
            $"{who} paid {InvoiceIds.Count} invoices of this project without being billed for them ({string.Join(", ", InvoiceIds)}).",
            $"{who} a payé {InvoiceIds.Count} factures de ce projet sans en être le destinataire ({string.Join(", ", InvoiceIds)}).");
    }

    // The bill-tos in id order, not in the order the applications were read: a whole-ledger read and
    // a screened or project read return them in different orders, and the evidence must not change.
    public IEnumerable<Evidence> ToEvidence(LedgerSnapshot ledger) =>
        Payments.Select(p => new Evidence(LedgerSheets.Payments, p.PaymentId, "payer_id",
            string.Join(";", ledger.ApplicationsOf(p.PaymentId).Select(a => ledger.Invoice(a.InvoiceId)?.PayerId).Distinct().Order(StringComparer.Ordinal)),
            p.PayerId,
            new LocalizedText("Paid by a third party.", "Payé par un tiers.")));
}
