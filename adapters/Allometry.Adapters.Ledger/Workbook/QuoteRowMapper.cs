namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>The <c>quotes</c> sheet.</summary>
internal static class QuoteRowMapper
{
    public static Quote? Map(RowReader r)
    {
        var quote = new Quote
        {
            QuoteId = r.RequiredText("quote_id"),
            ProjectId = r.RequiredText("project_id"),
            PayerId = r.Text("payer_id"),
            QuoteDate = r.Date("quote_date"),
            AcceptedOn = r.Date("accepted_on"),
            TotalExTax = r.RequiredAmount("total_ex_tax"),
            DepositPct = r.Percentage("deposit_pct"),
            Status = r.Choice<QuoteStatus>("status"),
            Source = r.Source,
        };
        if (r.Ok && quote.TotalExTax < 0m) r.Fail(ImportIssueCode.NegativeAmount, "total_ex_tax");
        return r.Ok ? quote : null;
    }
}
