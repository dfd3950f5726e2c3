namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Ledger;

/// <summary>The <c>bank_transactions</c> sheet; positive is money in, negative money out.</summary>
internal static class BankTransactionRowMapper
{
    public static BankTransaction? Map(RowReader r)
    {
        var transaction = new BankTransaction
        {
            TransactionId = r.Text("transaction_id"),
            PostedOn = r.RequiredDate("posted_on"),
            Amount = r.RequiredAmount("amount"),
            Description = r.Text("description"),
            Reference = r.Text("reference"),
            Account = r.Text("account"),
            Source = r.Source,
        };
        return r.Ok ? transaction : null;
    }
}
