namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>The <c>payment_applications</c> sheet; an application moves a positive amount.</summary>
internal static class PaymentApplicationRowMapper
{
    public static PaymentApplication? Map(RowReader r)
    {
        var application = new PaymentApplication
        {
            PaymentId = r.RequiredText("payment_id"),
            InvoiceId = r.RequiredText("invoice_id"),
            Amount = r.RequiredAmount("amount"),
            Source = r.Source,
        };
        if (r.Ok && application.Amount <= 0m) r.Fail(ImportIssueCode.AmountNotPositive, "amount");
        return r.Ok ? application : null;
    }
}
