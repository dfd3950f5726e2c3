namespace Allometry.Core.Sample.Planting;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using static Allometry.Core.Sample.ProjectFactory;

/// <summary>Progress invoices that breach prompt payment or park holdback in the aging.</summary>
internal static class ProgressBillingCases
{
    /// <summary>
    /// PromptPaymentBreach (ON), High: a proper progress invoice issued 32 days ago on net-45
    /// terms, unpaid and with no notice of non-payment. It is not yet past its due date, so only
    /// the 28-day statutory deadline is breached. Amount = the invoice's balance.
    /// </summary>
    public static void PromptPayment(SampleDraft d, Payer payer)
    {
        var accepted = d.Day(-120);
        var p = Add(d, Base(d, payer, BusinessLine.Solar, SupplyType.Construction, Province.ON, "Kitchener") with
        {
            Status = ProjectStatus.Active,
            ContractDate = accepted,
        });
        var total = d.Dollars(120_000, 240_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(5));
        d.AddDelivery(p, "Mobilization", d.Day(-100), d.Day(-100), DeliveryStatus.Delivered);
        var shares = Split(d, total - deposit.Subtotal, 4);
        BillWork(d, p, InvoiceKind.Progress, d.Day(-70), shares[0], d.Day(-58));
        var unpaid = BillWork(d, p, InvoiceKind.Progress, d.Day(-32), shares[1], payOn: null, terms: 45);
        d.Plant(SampleRuleIds.PromptPaymentBreach, Severity.High, SubjectKind.Invoice, unpaid.InvoiceId,
            $"Proper invoice {unpaid.InvoiceId} of {unpaid.IssueDate.Iso()} unpaid at day 32, no notice of non-payment by day 14.",
            [unpaid.InvoiceId], ix => ix.Invoice(unpaid.InvoiceId).Balance);
    }

    /// <summary>
    /// RetainageAgedMisclassified, Info: this customer's system billed the progress invoice gross
    /// and paid it net of a 10 % holdback, so the holdback sits in the invoice's balance, 70 days
    /// past due (61–90 bucket), while its release is months away. retainage_held on the invoice
    /// equals that balance. Amount = the invoice's balance (the retainage in the aged bucket).
    /// </summary>
    public static void AgedRetainage(SampleDraft d, Payer payer)
    {
        var accepted = d.Day(-150);
        var p = Add(d, Base(d, payer, BusinessLine.Solar, SupplyType.Construction, Province.QC, "Rivière-du-Loup") with
        {
            Status = ProjectStatus.Installed,
            ContractDate = accepted,
        });
        var total = d.Dollars(160_000, 260_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(6));
        d.AddDelivery(p, "Mobilisation", d.Day(-120), d.Day(-120), DeliveryStatus.Delivered);
        d.AddDelivery(p, "Réception des travaux", d.Day(45), null, DeliveryStatus.Pending);
        var work = SampleTax.Round((total - deposit.Subtotal) * 0.35m);
        var releaseDue = d.Day(75);

        var aged = GrossWithHoldback(d, p, d.Day(-100), work, releaseDue);
        var netPaid = aged.Total - aged.RetainageHeld;
        var payment = d.Receive(payer.PayerId, d.Day(-80), netPaid, aged.InvoiceId, (aged, netPaid));
        GrossWithHoldback(d, p, d.Day(-10), SampleTax.Round(work * 1.2m), releaseDue);

        d.Plant(SampleRuleIds.RetainageAgedMisclassified, Severity.Info, SubjectKind.Invoice, aged.InvoiceId,
            $"Holdback left in {aged.InvoiceId} (due {aged.DueDate.Iso()}) ages in the 61–90 bucket; release not due before {releaseDue.Iso()}.",
            [aged.InvoiceId, payment.PaymentId], ix => ix.Invoice(aged.InvoiceId).Balance,
            SampleRuleIds.OverdueInvoice);
    }

    private static Invoice GrossWithHoldback(SampleDraft d, Project p, DateOnly issue, decimal work, DateOnly releaseDue)
    {
        var taxes = SampleTax.Compute(Province.QC, issue.AddDays(30), work, d.Meta.SellerPstRegistrations);
        var held = SampleTax.Round((work + taxes.Total) * 0.10m);
        var invoice = d.AddInvoice(p.ContractPayerId, p.ProjectId, InvoiceKind.Progress, issue, issue.AddDays(30), work, taxes,
            Province.QC, SampleRegistration.Printed, held);
        d.Hold(invoice, held, releaseDue);
        return invoice;
    }
}
