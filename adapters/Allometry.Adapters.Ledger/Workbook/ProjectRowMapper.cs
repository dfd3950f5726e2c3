namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>The <c>projects</c> sheet.</summary>
internal static class ProjectRowMapper
{
    public static Project? Map(RowReader r)
    {
        var project = new Project
        {
            ProjectId = r.RequiredText("project_id"),
            Name = r.RequiredText("name"),
            SiteProvince = r.RequiredProvince("site_province"),
            SiteCity = r.Text("site_city"),
            PmEmail = r.Text("pm_email"),
            ContractPayerId = r.RequiredText("contract_payer_id"),
            CurrentPayerId = r.Text("current_payer_id"),
            SupplyType = r.Choice<SupplyType>("supply_type"),
            DepositPct = r.Percentage("deposit_pct"),
            RetainagePct = r.Percentage("retainage_pct"),
            ReleaseRule = r.Choice<ReleaseRule>("release_rule"),
            ReleaseDays = r.Integer("release_days"),
            ContractDate = r.Date("contract_date"),
            CspPublishedOn = r.Date("csp_published_on"),
            ReceptionOn = r.Date("reception_on"),
            FinTravauxOn = r.Date("fin_travaux_on"),
            CompletedOn = r.Date("completed_on"),
            Status = r.Choice<ProjectStatus>("status"),
            Source = r.Source,
        };
        if (project.ReleaseDays < 0) r.Fail(ImportIssueCode.NegativeAmount, "release_days");
        return r.Ok ? project : null;
    }
}
