namespace Allometry.Adapters.Ledger.Tests.Aging;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using static AgingFixtures;

public sealed class ZohoAndSageAgingTests
{
    private static readonly (int, int)[] ZohoRanges = [(int.MinValue, 0), (1, 15), (16, 30), (31, 45), (46, int.MaxValue)];
    private static readonly (int, int)[] SageRanges = [(0, 29), (30, 59), (60, 89), (90, 119), (120, int.MaxValue)];

    [Fact]
    public void Read_ZohoSummary_ConfigurableIntervalsParsedFromHeaders()
    {
        var (batch, payers, invoices) = ReadFixture("zoho-summary.csv");

        Assert.Empty(batch.Issues.Issues);
        Assert.Equal("zoho-aging-summary", batch.Sources[0].Sheet);
        Assert.Equal(AsOf, batch.Meta.AsOf);
        Assert.Equal((10, 19), (payers.Count, invoices.Count));
        Assert.Equal([46409.50m, 13277.69m, 2279.75m, 7175.25m, 31423.15m], ByRanges(invoices, AsOf, i => i.DueDate, ZohoRanges));
        Assert.Equal(100565.34m, invoices.Sum(i => i.Balance));
    }

    [Fact]
    public void Read_ZohoSummary_ZeroCellsMakeNoInvoiceAndOpenBucketKeyedPlus()
    {
        var (_, _, invoices) = ReadFixture("zoho-summary.csv");

        var kingston = invoices.Where(i => i.PayerId == "c-kingston-dental-group").Select(i => i.InvoiceId).Order();
        Assert.Equal(["AGING-kingston-dental-group-16-30", "AGING-kingston-dental-group-46-plus", "AGING-kingston-dental-group-current"], kingston);
        Assert.Equal(AsOf.AddDays(-46), invoices.Single(i => i.InvoiceId == "AGING-kingston-dental-group-46-plus").DueDate);
    }

    [Fact]
    public void Read_ZohoDetails_LinesWithDueDatesFromAge()
    {
        var (batch, payers, invoices) = ReadFixture("zoho-details.csv");
        var byId = invoices.ToDictionary(i => i.InvoiceId);

        Assert.Empty(batch.Issues.Issues);
        Assert.Equal("zoho-aging-details", batch.Sources[0].Sheet);
        Assert.Equal((13, 9), (invoices.Count, payers.Count));
        var partial = byId["INV-000021"];
        Assert.Equal((new DateOnly(2026, 9, 10), new DateOnly(2026, 10, 10)), (partial.IssueDate, partial.DueDate));
        Assert.Equal((5875.25m, 4875.25m), (partial.Total, partial.Balance));
        // "0 Days": not yet past due, so due no earlier than the as-of date.
        Assert.Equal(AsOf, byId["INV-000041"].DueDate);
        Assert.Equal(73687.44m, invoices.Sum(i => i.Balance));
    }

    [Fact]
    public void Read_ZohoDetails_CreditNotesAndPaymentsPrintedPositiveBecomeCredits()
    {
        var (_, _, invoices) = ReadFixture("zoho-details.csv");
        var byId = invoices.ToDictionary(i => i.InvoiceId);

        Assert.Equal((-250.00m, -250.00m), (byId["CN-00001"].Total, byId["CN-00001"].Balance));
        Assert.Equal(new DateOnly(2026, 5, 1), byId["CN-00001"].DueDate);
        Assert.Equal(-500.00m, byId["12"].Balance);
        Assert.Equal("c-kingston-dental-group", byId["12"].PayerId);
    }

    [Fact]
    public void Read_SageAged_BucketsByInvoiceDateWithDueEqualToIssue()
    {
        var (batch, payers, invoices) = ReadFixture("sage-aged.csv");

        Assert.Empty(batch.Issues.Issues);
        Assert.Equal("sage-aged-receivables", batch.Sources[0].Sheet);
        Assert.Equal(AsOf, batch.Meta.AsOf);
        Assert.Equal((9, 15), (payers.Count, invoices.Count));
        Assert.All(invoices, i => Assert.Equal(i.IssueDate, i.DueDate));
        Assert.Equal([57200.50m, 4867.19m, 6600.65m, 27667.75m, 1762.31m], ByRanges(invoices, AsOf, i => i.IssueDate, SageRanges));
        Assert.Equal(98098.40m, invoices.Sum(i => i.Balance));
    }

    [Fact]
    public void Read_SageAged_UnderAndOlderColumnsStartWhereThePreviousEnded()
    {
        var (_, payers, invoices) = ReadFixture("sage-aged.csv");
        var byId = invoices.ToDictionary(i => i.InvoiceId);

        Assert.Equal(AsOf, byId["AGING-construction-levesque-fils-inc-0-29"].IssueDate);
        Assert.Equal(AsOf.AddDays(-30), byId["AGING-groupe-tremblay-belanger-inc-30-59"].IssueDate);
        Assert.Equal(AsOf.AddDays(-120), byId["AGING-erabliere-saint-gedeon-120-plus"].IssueDate);
        Assert.Equal(50000m, payers.Single(p => p.PayerId == "c-construction-levesque-fils-inc").CreditLimit);
        Assert.Null(payers.Single(p => p.PayerId == "c-erabliere-saint-gedeon").CreditLimit);
    }

    [Fact]
    public void Read_SageAgedFrenchWindows1252Semicolons_SameLedgerAsEnglish()
    {
        var (english, _, englishInvoices) = ReadFixture("sage-aged.csv");
        var (batch, payers, invoices) = ReadFixture("sage-aged-fr.csv");

        Assert.Empty(batch.Issues.Issues);
        Assert.Equal(Language.Fr, batch.Meta.Language);
        Assert.Equal(english.Meta.AsOf, batch.Meta.AsOf);
        Assert.Equal("Habitations Nadeau (Québec) inc.", payers.Single(p => p.PayerId == "c-habitations-nadeau-quebec-inc").Name);
        Assert.Equal(75000m, payers.Single(p => p.PayerId == "c-groupe-tremblay-belanger-inc").CreditLimit);
        Assert.Equal(
            englishInvoices.Select(i => (i.InvoiceId, i.IssueDate, i.Balance)),
            invoices.Select(i => (i.InvoiceId, i.IssueDate, i.Balance)));
        Assert.All(invoices, i => Assert.Equal(InvoiceOrigin.AgingSummary, i.Origin));
    }
}
