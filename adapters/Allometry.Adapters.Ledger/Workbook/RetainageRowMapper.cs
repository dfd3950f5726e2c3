namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>The <c>retainage</c> sheet; an amount held is never negative.</summary>
internal static class RetainageRowMapper
{
    public static RetainageHold? Map(RowReader r)
    {
        var hold = new RetainageHold
        {
            ProjectId = r.RequiredText("project_id"),
            InvoiceId = r.Text("invoice_id"),
            HeldAmount = r.RequiredAmount("held_amount"),
            ReleaseDueOn = r.Date("release_due_on"),
            ReleasedOn = r.Date("released_on"),
            ReleaseInvoiceId = r.Text("release_invoice_id"),
            CollectedOn = r.Date("collected_on"),
            Source = r.Source,
        };
        if (r.Ok && hold.HeldAmount < 0m) r.Fail(ImportIssueCode.NegativeAmount, "held_amount");
        return r.Ok ? hold : null;
    }
}
