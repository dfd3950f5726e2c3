namespace Allometry.Testing.Ledgers;

using Allometry.Core.Ledger;
using Allometry.Core.Tax;

// Plants about tax and credits.
public sealed partial class GeneratedLedger
{
    private void PlantTaxFault(ProjectDraft d, int index)
    {
        var invoice = Invoices[index];
        var date = TaxDateOf(invoice);
        var right = TaxFor(d.Place, date, invoice.Subtotal);
        if (d.Place == Province.QC && Between(0, 2) == 0)
        {
            Retax(index, invoice.Subtotal, right with { Qst = SalesTax.Round((invoice.Subtotal + right.Gst) * SalesTax.QstRate) });
        }
        else if (d.Place == Province.NS && date >= SalesTax.NsRateChange)
        {
            Retax(index, invoice.Subtotal, right with { Hst = SalesTax.Round(invoice.Subtotal * SalesTax.AtlanticHstRate) });
        }
        else
        {
            var wrong = d.Place == Province.QC ? Province.ON : Province.QC;
            Retax(index, invoice.Subtotal, TaxFor(wrong, date, invoice.Subtotal), wrong);
        }
    }

    private void PlantCreditNote(ProjectDraft d, int last)
    {
        if (Invoices[last].Balance == 0m) LeaveOpen(last);
        var issue = AsOf.AddDays(-Between(0, 40));
        var amount = -(Between(100, 900) + 0.00m);
        AddInvoice(new Invoice
        {
            InvoiceId = NextInvoiceId(), PayerId = Invoices[last].PayerId, ProjectId = d.Project.ProjectId, Kind = InvoiceKind.Other,
            IssueDate = issue, DueDate = issue, Subtotal = amount, Total = amount, Balance = amount, TaxProvince = d.Place,
            RegistrationNumbers = $"{SellerGstHst}; {SellerQst}", Status = InvoiceStatus.Open,
        }, null);
    }
}
