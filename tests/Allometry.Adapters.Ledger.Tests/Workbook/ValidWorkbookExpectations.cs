namespace Allometry.Adapters.Ledger.Tests.Workbook;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// What Fixtures/Workbook/valid holds, value by value. Shared by the CSV-folder and the .xlsx
/// tests: both containers must read to exactly these records.
/// </summary>
internal static class ValidWorkbookExpectations
{
    /// <param name="fileOf">The file name each sheet must be reported in (<c>payers.csv</c>, or the .xlsx for every sheet).</param>
    public static void AssertValid(WorkbookAssert.Drained read, Func<string, string> fileOf)
    {
        Assert.Equal([.. LedgerSheets.All.Select(s => new SourceSheet(fileOf(s), s))], read.Batch.Sources);
        Assert.Empty(read.Batch.Issues.Issues);
        AssertMeta(read.Batch.Meta);
        Assert.Equal(LedgerSheets.All.Order(StringComparer.Ordinal), read.Batch.PresentSheets.Order(StringComparer.Ordinal));
        AssertParties(read);
        AssertProjects(read);
        AssertInvoices(read);
        AssertCash(read);
    }

    private static void AssertMeta(LedgerMeta meta)
    {
        Assert.Equal(new DateOnly(2026, 3, 31), meta.AsOf);
        Assert.Equal("Portes et Fenêtres Côté inc.", meta.Tenant);
        Assert.Equal("CAD", meta.Currency);
        Assert.Equal(Province.QC, meta.SellerProvince);
        Assert.Equal("123456789RT0001", meta.SellerGstHstNumber);
        Assert.Equal("1234567890TQ0001", meta.SellerQstNumber);
        Assert.Equal([Province.BC, Province.SK], meta.SellerPstRegistrations);
        Assert.Equal("dd/MM/yyyy", meta.DateFormat);
        Assert.Equal(Language.Fr, meta.Language);
    }

    private static void AssertParties(WorkbookAssert.Drained read)
    {
        Assert.Equal(["C-001", "C-002", "C-003", "C-004"], read.Payers.Select(p => p.PayerId));
        var belanger = read.Payers[0];
        Assert.Equal("Construction Éric Bélanger inc.", belanger.Name);
        Assert.Equal(["Bélanger Construction", "CEB"], belanger.Aliases);
        Assert.Equal(Province.QC, belanger.Province);
        Assert.Equal("111111111RT0001", belanger.GstHstNumber);
        Assert.Equal("1111111111TQ0001", belanger.QstNumber);
        Assert.Equal(50_000.00m, belanger.CreditLimit);
        Assert.Equal(Language.Fr, belanger.Language);
        Assert.Equal("comptes@ceb.example", belanger.Email);
        Assert.Equal(25_000.00m, read.Payers[1].CreditLimit);
        Assert.Equal(Language.En, read.Payers[1].Language);
        var levis = read.Payers[2];
        Assert.Equal("Promotions Lévis-Côté S.E.N.C.", levis.Name);
        Assert.Equal(Province.QC, levis.Province);
        Assert.Equal(Language.Fr, levis.Language);
        Assert.Null(levis.Email);
        Assert.Null(read.Payers[3].CreditLimit);
        Assert.Null(read.Payers[3].Language);
        // The blank line before C-003 is skipped but still counted, as a spreadsheet numbers rows.
        Assert.Equal(5, levis.Source.Row);
        Assert.Equal("payers", read.Batch.Sources[levis.Source.SourceIndex].Sheet);

        Assert.Equal(2, read.EntityLinks.Count);
        Assert.Equal(new EntityLink
        {
            FromPayerId = "C-001", ToPayerId = "C-003", Kind = EntityLinkKind.Handoff,
            EffectiveDate = new DateOnly(2026, 2, 15), Note = "Constructeur → promoteur", Source = read.EntityLinks[0].Source,
        }, read.EntityLinks[0]);
        Assert.Equal(EntityLinkKind.Affiliate, read.EntityLinks[1].Kind);
        Assert.Null(read.EntityLinks[1].EffectiveDate);
    }

    private static void AssertProjects(WorkbookAssert.Drained read)
    {
        Assert.Equal(["PR-100", "PR-200", "PR-300"], read.Projects.Select(p => p.ProjectId));
        var condos = read.Projects[0];
        Assert.Equal("Condos Saint-Jérôme — Phase 2", condos.Name);
        Assert.Equal(Province.QC, condos.SiteProvince);
        Assert.Equal("Saint-Jérôme", condos.SiteCity);
        Assert.Equal("C-003", condos.CurrentPayerId);
        Assert.Equal(SupplyType.Construction, condos.SupplyType);
        Assert.Equal(30m, condos.DepositPct);
        Assert.Equal(10m, condos.RetainagePct);
        Assert.Equal(ReleaseRule.QcReception, condos.ReleaseRule);
        Assert.Null(condos.ReleaseDays);
        Assert.Equal(new DateOnly(2026, 3, 10), condos.ReceptionOn);
        Assert.Equal(ProjectStatus.SubstantiallyComplete, condos.Status);
        var tower = read.Projects[1];
        Assert.Equal(12.5m, tower.DepositPct);
        Assert.Equal(60, tower.ReleaseDays);
        Assert.Equal(new DateOnly(2026, 2, 20), tower.CspPublishedOn);
        Assert.Equal(50m, read.Projects[2].DepositPct);
        Assert.Equal(new DateOnly(2026, 1, 31), read.Projects[2].CompletedOn);

        Assert.Equal(new DateOnly(2026, 1, 20), read.Deliveries[0].DeliveredOn);
        Assert.Equal(DeliveryStatus.Installed, read.Deliveries[0].Status);
        Assert.Equal("Curtain wall levels 1-10", read.Deliveries[1].Milestone);
        Assert.Equal(DeliveryStatus.Pending, read.Deliveries[1].Status);

        Assert.Equal([250_000.00m, 18_500.00m], read.Quotes.Select(q => q.TotalExTax));
        Assert.Equal(QuoteStatus.Accepted, read.Quotes[0].Status);
        Assert.Equal(new DateOnly(2025, 5, 20), read.Quotes[0].AcceptedOn);

        Assert.Equal(2, read.Retainage.Count);
        Assert.Equal("F-1003", read.Retainage[0].ReleaseInvoiceId);
        Assert.Equal(10_000.00m, read.Retainage[0].HeldAmount);
        Assert.Equal(new DateOnly(2026, 4, 9), read.Retainage[0].ReleaseDueOn);

        Assert.Equal([true, false], read.ServiceContracts.Select(s => s.ServiceActive));
        Assert.Equal(2_400.00m, read.ServiceContracts[1].AnnualFee);
        Assert.Equal("S-4001", read.ServiceContracts[0].LastRenewalInvoiceId);
    }

    private static void AssertInvoices(WorkbookAssert.Drained read)
    {
        Assert.Equal(["F-1001", "F-1002", "F-2001", "F-3001", "CN-2002", "F-1003", "S-4001"], read.Invoices.Select(i => i.InvoiceId));
        var progress = read.Invoices[1];
        Assert.Equal(new Invoice
        {
            InvoiceId = "F-1002", PayerId = "C-001", ProjectId = "PR-100", Kind = InvoiceKind.Progress,
            IssueDate = new DateOnly(2026, 2, 3), DueDate = new DateOnly(2026, 3, 5),
            Subtotal = 100_000.00m, Gst = 5_000.00m, Qst = 9_975.00m, Total = 114_975.00m, Balance = 103_477.50m,
            RetainageHeld = 10_000.00m, TaxProvince = Province.QC, Currency = "CAD", Status = InvoiceStatus.Open,
            Origin = InvoiceOrigin.Workbook, Source = progress.Source,
        }, progress);
        Assert.Equal(3, progress.Source.Row);
        Assert.Equal("invoices", read.Batch.Sources[progress.Source.SourceIndex].Sheet);
        Assert.Equal("123456789RT0001 / 1234567890TQ0001", read.Invoices[0].RegistrationNumbers);
        Assert.Equal(InvoiceStatus.Paid, read.Invoices[0].Status);
        Assert.Equal(1_110.00m, read.Invoices[3].Pst);
        var credit = read.Invoices[4];
        Assert.Equal((-1_000.00m, -130.00m, -1_130.00m, -1_130.00m), (credit.Subtotal, credit.Hst, credit.Total, credit.Balance));
        Assert.Equal(InvoiceKind.RetainageRelease, read.Invoices[5].Kind);
        Assert.Null(read.Invoices[6].ProjectId);
        Assert.Equal(InvoiceKind.Service, read.Invoices[6].Kind);
    }

    private static void AssertCash(WorkbookAssert.Drained read)
    {
        Assert.Equal(["P-1", "P-2", "P-3", "P-4"], read.Payments.Select(p => p.PaymentId));
        Assert.Equal([86_231.25m, 10_267.50m, 1_356.00m, 5_000.00m], read.Payments.Select(p => p.Amount));
        Assert.Equal(new DateOnly(2025, 7, 5), read.Payments[0].ReceivedOn);
        Assert.Equal("Chèque 4512", read.Payments[0].Reference);
        Assert.Equal("cheque", read.Payments[0].Method);
        Assert.Equal("C-004", read.Payments[1].PayerId);
        Assert.Null(read.Payments[2].Reference);

        Assert.Equal([("P-1", "F-1001", 86_231.25m), ("P-2", "F-3001", 10_267.50m), ("P-3", "S-4001", 1_356.00m)],
            read.Applications.Select(a => (a.PaymentId, a.InvoiceId, a.Amount)));

        Assert.Equal([new DateOnly(2026, 4, 15), new DateOnly(2026, 4, 30)], read.Promises.Select(p => p.PromisedOn));
        Assert.Equal([45_200.00m, 50_000.00m], read.Promises.Select(p => p.PromisedAmount));
        Assert.Null(read.Promises[1].InvoiceId);

        Assert.Equal(["BT-1", "BT-2", null], read.BankTransactions.Select(b => b.TransactionId));
        Assert.Equal([10_267.50m, 5_000.00m, -250.00m], read.BankTransactions.Select(b => b.Amount));
        Assert.Equal("Dépôt EFT Prairie Holdings", read.BankTransactions[0].Description);
        Assert.Equal("Desjardins 815-0001", read.BankTransactions[2].Account);
    }
}
