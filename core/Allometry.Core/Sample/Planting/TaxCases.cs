namespace Allometry.Core.Sample.Planting;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using static Allometry.Core.Sample.ProjectFactory;

/// <summary>
/// Invoices whose tax is wrong by one of the mis-codes of domain.md §1. Amounts are the tax
/// mis-charged: |tax printed − tax the place of supply calls for| for the component(s) at fault,
/// or, for a missing registration number, the tax printed without a valid number to back it.
/// </summary>
internal static class TaxCases
{
    /// <summary>
    /// TaxProvinceMismatch, High: installation on an Ottawa site (ON, HST 13 %) billed with
    /// Quebec GST + QST because the customer's head office is in Gatineau. Amount = |printed tax
    /// − 13 % HST on the subtotal|.
    /// </summary>
    public static void QuebecTaxOnOntarioSite(SampleDraft d, Payer payer)
    {
        var p = StartConstruction(d, payer, BusinessLine.EvCharging, Province.ON, "Ottawa", d.Day(-60), out var remaining);
        var issue = d.Day(-12);
        var wrong = WorkInvoice(d, p, issue, SampleTax.Round(remaining * 0.4m), Province.QC,
            subtotal => SampleTax.Compute(Province.QC, issue.AddDays(30), subtotal, []));
        d.Plant(SampleRuleIds.TaxProvinceMismatch, Severity.High, SubjectKind.Invoice, wrong.InvoiceId,
            $"{wrong.InvoiceId}: Ottawa (ON) installation taxed GST + QST (QC) instead of HST 13 %.",
            [wrong.InvoiceId], ix =>
            {
                var i = ix.Invoice(wrong.InvoiceId);
                return Math.Abs(i.TaxTotal - SampleTax.Round(i.Subtotal * 0.13m));
            });
    }

    /// <summary>
    /// QstBaseError, Medium: QST computed on subtotal + GST (effective 10.474 %). Amount = printed
    /// QST − 9.975 % of the subtotal (rounded half away from zero).
    /// </summary>
    public static void QstOnGst(SampleDraft d, Payer payer)
    {
        var accepted = d.Day(-40);
        var delivered = d.Day(-9);
        var p = Add(d, Base(d, payer, BusinessLine.Lockers, SupplyType.Goods, Province.QC, "Québec") with
        {
            Name = "Casiers intelligents — Marché public de Sainte-Foy",
            Status = ProjectStatus.Delivered,
            ContractDate = accepted,
        });
        var total = d.Dollars(18_000, 45_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(5));
        d.AddDelivery(p, "Livraison des casiers", delivered, delivered, DeliveryStatus.Delivered);
        var subtotal = total - deposit.Subtotal;
        var gst = SampleTax.Round(subtotal * 0.05m);
        var qst = SampleTax.Round((subtotal + gst) * 0.09975m);
        var wrong = d.AddInvoice(payer.PayerId, p.ProjectId, InvoiceKind.Final, delivered, delivered.AddDays(30), subtotal,
            new TaxComponents(gst, 0m, qst, 0m), Province.QC, SampleRegistration.Printed);
        d.Plant(SampleRuleIds.QstBaseError, Severity.Medium, SubjectKind.Invoice, wrong.InvoiceId,
            $"{wrong.InvoiceId}: QST computed on subtotal + GST.",
            [wrong.InvoiceId], ix =>
            {
                var i = ix.Invoice(wrong.InvoiceId);
                return i.Qst - SampleTax.Round(i.Subtotal * 0.09975m);
            },
            SampleRuleIds.TaxProvinceMismatch);
    }

    /// <summary>
    /// StaleNsRate, High: a Halifax progress invoice due next month charged HST at 15 % although
    /// the tax date is after 2025-04-01. Amount = printed HST − 14 % of the subtotal.
    /// </summary>
    public static void StaleNovaScotiaRate(SampleDraft d, Payer payer)
    {
        var p = StartConstruction(d, payer, BusinessLine.EvCharging, Province.NS, "Halifax", d.Day(-70), out var remaining);
        var wrong = WorkInvoice(d, p, d.Day(-14), SampleTax.Round(remaining * 0.5m), Province.NS,
            subtotal => new TaxComponents(0m, SampleTax.Round(subtotal * 0.15m), 0m, 0m));
        d.Plant(SampleRuleIds.StaleNsRate, Severity.High, SubjectKind.Invoice, wrong.InvoiceId,
            $"{wrong.InvoiceId}: HST at 15 % on a tax date of {wrong.DueDate.Iso()} (14 % since 2025-04-01).",
            [wrong.InvoiceId], ix =>
            {
                var i = ix.Invoice(wrong.InvoiceId);
                return i.Hst - SampleTax.Round(i.Subtotal * 0.14m);
            },
            SampleRuleIds.TaxProvinceMismatch);
    }

    /// <summary>
    /// MissingRegistrationNumber, Medium (two cases). An Ontario lease invoice printed with no
    /// registration number at all: amount = all tax printed (the HST). A Quebec lease invoice
    /// printed with the GST/HST number only: amount = the QST printed without a TQ number.
    /// </summary>
    public static void MissingNumbers(SampleDraft d, Payer ontario, Payer quebec)
    {
        var hst = LeaseInvoice(d, ontario, Province.ON, "Sudbury", d.Day(-8), registration: null);
        d.Plant(SampleRuleIds.MissingRegistrationNumber, Severity.Medium, SubjectKind.Invoice, hst.InvoiceId,
            $"{hst.InvoiceId}: HST charged, no registration number printed.",
            [hst.InvoiceId], ix => ix.Invoice(hst.InvoiceId).TaxTotal);
        var qst = LeaseInvoice(d, quebec, Province.QC, "Trois-Rivières", d.Day(-6), registration: SampleRegistration.SellerGstHst);
        d.Plant(SampleRuleIds.MissingRegistrationNumber, Severity.Medium, SubjectKind.Invoice, qst.InvoiceId,
            $"{qst.InvoiceId}: QST charged, only the GST/HST number printed (no TQ number).",
            [qst.InvoiceId], ix => ix.Invoice(qst.InvoiceId).Qst);
    }

    private static Project StartConstruction(SampleDraft d, Payer payer, BusinessLine line, Province site, string city, DateOnly accepted, out decimal remaining)
    {
        var p = Add(d, Base(d, payer, line, SupplyType.Construction, site, city) with
        {
            Status = ProjectStatus.Active,
            ContractDate = accepted,
        });
        var total = d.Dollars(70_000, 160_000);
        var deposit = AcceptWithDeposit(d, p, total, accepted, accepted.AddDays(5));
        var mobilization = accepted.AddDays(20);
        d.AddDelivery(p, Milestone(p, "Mobilisation", "Mobilization"), mobilization, mobilization, DeliveryStatus.Delivered);
        remaining = total - deposit.Subtotal;
        return p;
    }

    private static Invoice WorkInvoice(SampleDraft d, Project p, DateOnly issue, decimal work, Province printedProvince, Func<decimal, TaxComponents> tax)
    {
        var held = SampleTax.Round(work * (p.RetainagePct ?? 0m) / 100m);
        var subtotal = work - held;
        var invoice = d.AddInvoice(p.ContractPayerId, p.ProjectId, InvoiceKind.Progress, issue, issue.AddDays(30), subtotal,
            tax(subtotal), printedProvince, SampleRegistration.Printed, held);
        d.Hold(invoice, held);
        return invoice;
    }

    private static Invoice LeaseInvoice(SampleDraft d, Payer payer, Province site, string city, DateOnly issue, string? registration)
    {
        var installed = issue.AddDays(-91 * 2);
        var p = Add(d, Base(d, payer, BusinessLine.Lockers, SupplyType.Lease, site, city) with
        {
            Status = ProjectStatus.Active,
            ContractDate = installed.AddDays(-10),
        });
        d.AddDelivery(p, Milestone(p, "Installation des casiers", "Locker installation"), installed, installed, DeliveryStatus.Installed);
        var rent = d.Dollars(1_500, 6_000);
        d.Bill(p, InvoiceKind.Other, installed, 30, rent, PayDate(d, installed));
        d.Bill(p, InvoiceKind.Other, installed.AddDays(91), 30, rent, PayDate(d, installed.AddDays(91)));
        var taxes = SampleTax.Compute(site, issue.AddDays(30), rent, d.Meta.SellerPstRegistrations);
        return d.AddInvoice(payer.PayerId, p.ProjectId, InvoiceKind.Other, issue, issue.AddDays(30), rent, taxes, site, registration);
    }
}
