namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>The <c>promises</c> sheet; a promise to pay nothing is not a promise.</summary>
internal static class PromiseRowMapper
{
    public static PaymentPromise? Map(RowReader r)
    {
        var promise = new PaymentPromise
        {
            PayerId = r.RequiredText("payer_id"),
            InvoiceId = r.Text("invoice_id"),
            PromisedOn = r.RequiredDate("promised_on"),
            PromisedAmount = r.RequiredAmount("promised_amount"),
            RecordedOn = r.Date("recorded_on"),
            Source = r.Source,
        };
        if (r.Ok && promise.PromisedAmount <= 0m) r.Fail(ImportIssueCode.AmountNotPositive, "promised_amount");
        return r.Ok ? promise : null;
    }
}
