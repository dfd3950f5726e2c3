namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// The <c>invoices</c> sheet, with the row's own integrity: total = subtotal + taxes (± 0.01 per
/// tax component present), 0 ≤ balance ≤ total (total ≤ balance ≤ 0 for a credit note),
/// due date not before issue date. When the sheet has no tax column at all the tax is unknown,
/// not zero, and the total is taken as given.
/// </summary>
internal static class InvoiceRowMapper
{
    private static readonly string[] TaxColumns = ["gst", "hst", "qst", "pst"];

    public static Invoice? Map(RowReader r, LedgerMeta meta)
    {
        var invoice = new Invoice
        {
            InvoiceId = r.RequiredText("invoice_id"),
            PayerId = r.RequiredText("payer_id"),
            ProjectId = r.Text("project_id"),
            Kind = r.RequiredChoice<InvoiceKind>("kind"),
            IssueDate = r.RequiredDate("issue_date"),
            DueDate = r.RequiredDate("due_date"),
            Subtotal = r.RequiredAmount("subtotal"),
            Gst = r.Amount("gst") ?? 0m,
            Hst = r.Amount("hst") ?? 0m,
            Qst = r.Amount("qst") ?? 0m,
            Pst = r.Amount("pst") ?? 0m,
            Total = r.RequiredAmount("total"),
            Balance = r.RequiredAmount("balance"),
            RetainageHeld = r.Amount("retainage_held") ?? 0m,
            TaxProvince = r.Province("tax_province"),
            RegistrationNumbers = r.Text("registration_numbers"),
            Currency = r.Currency("currency") ?? meta.Currency,
            Status = r.Choice<InvoiceStatus>("status") ?? InvoiceStatus.Open,
            Origin = InvoiceOrigin.Workbook,
            Source = r.Source,
        };
        if (!r.Ok) return null;

        CheckTotal(r, invoice);
        CheckBalance(r, invoice);
        if (invoice.DueDate < invoice.IssueDate)
        {
            r.Fail(ImportIssueCode.DateOrder, "due_date", "due_date", "issue_date", RowReader.Iso(invoice.IssueDate));
        }
        if (invoice.RetainageHeld < 0m)
        {
            r.Fail(ImportIssueCode.NegativeAmount, "retainage_held");
        }
        return r.Ok ? invoice : null;
    }

    private static void CheckTotal(RowReader r, Invoice invoice)
    {
        // Loops, not LINQ: this runs for every invoice row.
        var anyColumn = false;
        var present = 0;
        foreach (var column in TaxColumns)
        {
            anyColumn |= r.HasColumn(column);
            if (r.Text(column) is not null) present++;
        }
        if (!anyColumn) return;
        var expected = invoice.Subtotal + invoice.TaxTotal;
        if (Math.Abs(invoice.Total - expected) > 0.01m * present)
        {
            r.Fail(ImportIssueCode.TotalMismatch, "total",
                RowReader.Money(invoice.Total), RowReader.Money(invoice.Subtotal), RowReader.Money(invoice.TaxTotal), RowReader.Money(expected));
        }
    }

    private static void CheckBalance(RowReader r, Invoice invoice)
    {
        var inRange = invoice.Total < 0m
            ? invoice.Balance >= invoice.Total && invoice.Balance <= 0m
            : invoice.Balance >= 0m && invoice.Balance <= invoice.Total;
        if (!inRange)
        {
            r.Fail(ImportIssueCode.BalanceOutOfRange, "balance", RowReader.Money(invoice.Balance), RowReader.Money(invoice.Total));
        }
    }
}
