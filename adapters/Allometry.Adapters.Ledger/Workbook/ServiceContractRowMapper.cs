namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>The <c>service_contracts</c> sheet.</summary>
internal static class ServiceContractRowMapper
{
    public static ServiceContract? Map(RowReader r)
    {
        var contract = new ServiceContract
        {
            ContractId = r.RequiredText("contract_id"),
            PayerId = r.RequiredText("payer_id"),
            ProjectId = r.Text("project_id"),
            AnnualFee = r.RequiredAmount("annual_fee"),
            RenewalDate = r.RequiredDate("renewal_date"),
            ServiceActive = r.Boolean("service_active"),
            LastRenewalInvoiceId = r.Text("last_renewal_invoice_id"),
            Source = r.Source,
        };
        if (r.Ok && contract.AnnualFee < 0m) r.Fail(ImportIssueCode.NegativeAmount, "annual_fee");
        return r.Ok ? contract : null;
    }
}
