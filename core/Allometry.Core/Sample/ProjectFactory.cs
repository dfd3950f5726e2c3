namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;

/// <summary>Building blocks shared by the clean projects and the planted cases.</summary>
internal static class ProjectFactory
{
    /// <summary>A project's identity and commercial terms; dates and status are set by the caller.</summary>
    public static Project Base(SampleDraft d, Payer payer, BusinessLine line, SupplyType supply, Province site, string? city = null)
    {
        city ??= d.Pick(SampleNames.Cities[site]);
        var project = new Project
        {
            ProjectId = d.NewProjectId(),
            Name = SampleNames.ProjectName(line, site, city, d.Rng),
            SiteProvince = site,
            SiteCity = city,
            PmEmail = SampleNames.PmEmail(d.Pick(SampleNames.ProjectManagers)),
            ContractPayerId = payer.PayerId,
            SupplyType = supply,
        };
        return supply switch
        {
            SupplyType.Construction => project with
            {
                DepositPct = 30m,
                RetainagePct = 10m,
                ReleaseRule = site switch
                {
                    Province.QC => ReleaseRule.QcReception,
                    Province.ON => ReleaseRule.OnCsp,
                    _ => ReleaseRule.DaysAfterFinal,
                },
                ReleaseDays = site == Province.ON ? 60 : 30,
            },
            SupplyType.Goods => project with { DepositPct = 50m },
            _ => project,
        };
    }

    public static Project Add(SampleDraft d, Project project)
    {
        d.Projects.Add(project);
        return project;
    }

    /// <summary>The contract's milestone wording in the site's language.</summary>
    public static string Milestone(Project project, string french, string english) =>
        project.SiteProvince == Province.QC ? french : english;

    public static decimal DepositOf(decimal quoteTotal, decimal? pct) => SampleTax.Round(quoteTotal * (pct ?? 0m) / 100m);

    /// <summary>
    /// The accepted quote (sometimes after an expired first version) and the deposit invoice
    /// issued the day of acceptance, paid on <paramref name="payOn"/> if that is before the as-of date.
    /// </summary>
    public static Invoice AcceptWithDeposit(SampleDraft d, Project project, decimal quoteTotal, DateOnly acceptedOn, DateOnly? payOn,
        int terms = 15, string? payerId = null)
    {
        AcceptedQuote(d, project, quoteTotal, acceptedOn);
        return d.Bill(project, InvoiceKind.Deposit, acceptedOn, terms, DepositOf(quoteTotal, project.DepositPct), payOn, payerId: payerId);
    }

    public static Quote AcceptedQuote(SampleDraft d, Project project, decimal quoteTotal, DateOnly acceptedOn)
    {
        var quotedOn = acceptedOn.AddDays(-d.Between(7, 25));
        if (d.Chance(12))
        {
            var firstVersion = SampleTax.Round(quoteTotal * (1m + (d.Between(3, 10) / 100m)));
            d.AddQuote(project, quotedOn.AddDays(-d.Between(20, 60)), null, firstVersion, project.DepositPct, QuoteStatus.Expired);
        }
        return d.AddQuote(project, quotedOn, acceptedOn, quoteTotal, project.DepositPct, QuoteStatus.Accepted);
    }

    /// <summary>
    /// Bills <paramref name="work"/> net of the project's retainage: the invoice's subtotal is
    /// work − held, the held part (before tax) is recorded on the invoice and as a hold.
    /// </summary>
    public static Invoice BillWork(SampleDraft d, Project project, InvoiceKind kind, DateOnly issue, decimal work, DateOnly? payOn,
        DateOnly? holdDue = null, int terms = 30, string? payerId = null)
    {
        var held = SampleTax.Round(work * (project.RetainagePct ?? 0m) / 100m);
        var invoice = d.Bill(project, kind, issue, terms, work - held, payOn, held, payerId);
        if (held > 0m)
        {
            d.Hold(invoice, held, holdDue);
        }
        return invoice;
    }

    /// <summary>Splits an amount into roughly equal parts (±20 %) that add up to it exactly.</summary>
    public static decimal[] Split(SampleDraft d, decimal total, int parts)
    {
        var weights = Enumerable.Range(0, parts).Select(_ => (decimal)d.Between(80, 120)).ToArray();
        var sum = weights.Sum();
        var result = weights.Select(w => SampleTax.Round(total * w / sum)).ToArray();
        result[^1] = total - result[..^1].Sum();
        return result;
    }

    /// <summary>When a clean payer pays: 8 to 20 days after the invoice, always within terms.</summary>
    public static DateOnly PayDate(SampleDraft d, DateOnly issue) => issue.AddDays(d.Between(8, 20));
}
