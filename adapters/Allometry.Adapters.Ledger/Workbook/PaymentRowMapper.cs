namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>The <c>payments</c> sheet; a payment is money received, so its amount is above zero.</summary>
internal static class PaymentRowMapper
{
    public static Payment? Map(RowReader r)
    {
        var payment = new Payment
        {
            PaymentId = r.RequiredText("payment_id"),
            PayerId = r.RequiredText("payer_id"),
            ReceivedOn = r.RequiredDate("received_on"),
            Amount = r.RequiredAmount("amount"),
            Reference = r.Text("reference"),
            Method = r.Text("method"),
            Source = r.Source,
        };
        if (r.Ok && payment.Amount <= 0m) r.Fail(ImportIssueCode.AmountNotPositive, "amount");
        return r.Ok ? payment : null;
    }
}
