namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>The <c>payers</c> sheet.</summary>
internal static class PayerRowMapper
{
    public static Payer? Map(RowReader r)
    {
        var payer = new Payer
        {
            PayerId = r.RequiredText("payer_id"),
            Name = r.RequiredText("name"),
            Aliases = r.List("aliases"),
            Province = r.Province("province"),
            GstHstNumber = r.Text("gst_hst_number"),
            QstNumber = r.Text("qst_number"),
            CreditLimit = r.Amount("credit_limit"),
            Language = r.Language("language"),
            Email = r.Text("email"),
            Source = r.Source,
        };
        if (payer.CreditLimit < 0m) r.Fail(ImportIssueCode.NegativeAmount, "credit_limit");
        return r.Ok ? payer : null;
    }
}
