namespace Allometry.Adapters.Ledger.Tests.Aging;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using static AgingFixtures;

public sealed class QuickBooksAgingTests
{
    [Fact]
    public void Read_QboSummary_OnePayerPerCustomerAndOneInvoicePerNonZeroCell()
    {
        var (batch, payers, invoices) = ReadFixture("qbo-summary.csv");

        Assert.Equal(12, payers.Count);
        Assert.Equal(23, invoices.Count);
        Assert.All(invoices, i => Assert.Equal(InvoiceOrigin.AgingSummary, i.Origin));
        Assert.Empty(batch.Issues.Issues);
    }

    [Fact]
    public void Read_QboSummary_BucketTotalsEqualTheReportToTheCent()
    {
        var (_, _, invoices) = ReadFixture("qbo-summary.csv");

        Assert.Equal([47616.74m, 15557.44m, 8515.25m, 5038.15m, 25255.00m], ByDueBucket(invoices, AsOf));
        Assert.Equal(101982.58m, invoices.Sum(i => i.Balance));
    }

    [Fact]
    public void Read_QboSummary_MetaFromPreambleAndOptions()
    {
        var (batch, _, _) = ReadFixture("qbo-summary.csv");

        Assert.Equal(AsOf, batch.Meta.AsOf);
        Assert.Equal("atelier-boreal", batch.Meta.Tenant);
        Assert.Equal(Language.En, batch.Meta.Language);
        Assert.Equal(new SourceSheet("qbo-summary.csv", "qbo-aging-summary"), Assert.Single(batch.Sources));
        Assert.Equal(["invoices", "payers"], batch.PresentSheets.Order());
    }

    [Fact]
    public void Read_QboSummary_SyntheticInvoicesDueAtTheBucketLowerBound()
    {
        var (_, _, invoices) = ReadFixture("qbo-summary.csv");
        var tremblay = invoices.Where(i => i.PayerId == "c-groupe-tremblay-belanger-inc").ToDictionary(i => i.InvoiceId);

        Assert.Equal(AsOf, tremblay["AGING-groupe-tremblay-belanger-inc-current"].DueDate);
        Assert.Equal(AsOf.AddDays(-1), tremblay["AGING-groupe-tremblay-belanger-inc-1-30"].DueDate);
        Assert.Equal(AsOf.AddDays(-31), tremblay["AGING-groupe-tremblay-belanger-inc-31-60"].DueDate);
        Assert.Equal(AsOf.AddDays(-61), tremblay["AGING-groupe-tremblay-belanger-inc-61-90"].DueDate);
        var over90 = tremblay["AGING-groupe-tremblay-belanger-inc-91-plus"];
        Assert.Equal(AsOf.AddDays(-91), over90.DueDate);
        Assert.Equal(over90.DueDate, over90.IssueDate);
        Assert.Equal((9980.00m, 9980.00m, 9980.00m), (over90.Subtotal, over90.Total, over90.Balance));
        Assert.Equal(0m, over90.TaxTotal);
        Assert.Equal(InvoiceKind.Other, over90.Kind);
    }

    [Fact]
    public void Read_QboSummary_PayerNamesAsPrintedAndIdsSlugged()
    {
        var (_, payers, invoices) = ReadFixture("qbo-summary.csv");

        var levesque = payers[0];
        Assert.Equal("c-construction-levesque-fils-inc", levesque.PayerId);
        Assert.Equal("Construction Lévesque & Fils inc.", levesque.Name);
        Assert.Equal(new RowRef(0, 6), levesque.Source);
        // A customer whose name starts with "Total" is a customer, not a total row.
        Assert.Contains(payers, p => p.PayerId == "c-total-electrique-laval-inc");
        Assert.Equal(3449.25m, invoices.Where(i => i.PayerId == "c-total-electrique-laval-inc").Sum(i => i.Balance));
    }

    [Fact]
    public void Read_QboSummary_NegativeCellsAreCredits()
    {
        var (_, _, invoices) = ReadFixture("qbo-summary.csv");

        var credit = Assert.Single(invoices, i => i.PayerId == "c-boulangerie-les-delices-d-amelie");
        Assert.Equal((-120.00m, -120.00m), (credit.Total, credit.Balance));
        Assert.Equal(-250.00m, invoices.Single(i => i.InvoiceId == "AGING-ottawa-valley-millwork-ltd-91-plus").Balance);
    }

    [Fact]
    public void Read_QboSummaryFrench_FrCaAmountsAccentsAndFrenchAsOf()
    {
        var (batch, payers, invoices) = ReadFixture("qbo-summary-fr.csv");

        Assert.Empty(batch.Issues.Issues);
        Assert.Equal(AsOf, batch.Meta.AsOf);
        Assert.Equal(Language.Fr, batch.Meta.Language);
        Assert.Equal(9, payers.Count);
        Assert.Equal("Érablière Saint-Gédéon", payers.Single(p => p.PayerId == "c-erabliere-saint-gedeon").Name);
        Assert.Equal([46141.81m, 14427.44m, 7175.25m, 5038.15m, 10880.00m], ByDueBucket(invoices, AsOf));
        Assert.Equal("qbo-aging-summary", batch.Sources[0].Sheet);
    }

    [Fact]
    public void Read_QboDetail_OneInvoicePerTransactionLine()
    {
        var (batch, payers, invoices) = ReadFixture("qbo-detail.csv");

        Assert.Empty(batch.Issues.Issues);
        Assert.Equal("qbo-aging-detail", batch.Sources[0].Sheet);
        Assert.Equal(18, invoices.Count);
        Assert.Equal(12, payers.Count);
        Assert.All(invoices, i => Assert.Equal(InvoiceOrigin.AgingDetail, i.Origin));
        Assert.Equal(81142.83m, invoices.Sum(i => i.Total));
        Assert.Equal(80142.83m, invoices.Sum(i => i.Balance));
    }

    [Fact]
    public void Read_QboDetail_DatesDueDatesAndAmountsAsPrinted()
    {
        var (_, _, invoices) = ReadFixture("qbo-detail.csv");
        var byId = invoices.ToDictionary(i => i.InvoiceId);

        // 11/05/2026 alone is ambiguous; 10/25/2026 elsewhere in the file settles month-first.
        var first = byId["1041"];
        Assert.Equal((new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 5)), (first.IssueDate, first.DueDate));
        Assert.Equal("c-construction-levesque-fils-inc", first.PayerId);
        var partial = byId["1021"];
        Assert.Equal((5875.25m, 5875.25m, 4875.25m), (partial.Subtotal, partial.Total, partial.Balance));
        Assert.Equal(new RowRef(0, 20), partial.Source);
    }

    [Fact]
    public void Read_QboDetail_CreditsAndUnappliedPaymentsAreNegativeWithDerivedIds()
    {
        var (_, _, invoices) = ReadFixture("qbo-detail.csv");
        var byId = invoices.ToDictionary(i => i.InvoiceId);

        Assert.Equal(-120.00m, byId["1045"].Balance);
        var payment = byId["payment-20261102-kingston-dental-group"];
        Assert.Equal((-500.00m, -500.00m), (payment.Total, payment.Balance));
        Assert.Equal(862.31m, byId["journal-entry-20260612-erabliere-saint-gedeon"].Balance);
    }

    [Fact]
    public void Read_QboDetail_EachLineAgesIntoItsSection()
    {
        var (_, _, invoices) = ReadFixture("qbo-detail.csv");

        Assert.Equal([40094.43m, 12657.69m, 6215.25m, 5038.15m, 16137.31m], ByDueBucket(invoices, AsOf));
    }

    [Fact]
    public void Read_QboDetailFrench_FrenchHeadersSectionsAndTypes()
    {
        var (batch, payers, invoices) = ReadFixture("qbo-detail-fr.csv");
        var byId = invoices.ToDictionary(i => i.InvoiceId);

        Assert.Empty(batch.Issues.Issues);
        Assert.Equal(Language.Fr, batch.Meta.Language);
        Assert.Equal(AsOf, batch.Meta.AsOf);
        Assert.Equal((18, 12), (invoices.Count, payers.Count));
        Assert.Equal(new DateOnly(2026, 10, 10), byId["1021"].DueDate);
        Assert.Equal(4875.25m, byId["1021"].Balance);
        Assert.Equal(-120.00m, byId["1045"].Balance);
        Assert.Equal(-500.00m, byId["paiement-20261102-kingston-dental-group"].Balance);
        Assert.Equal([40094.43m, 12657.69m, 6215.25m, 5038.15m, 16137.31m], ByDueBucket(invoices, AsOf));
    }
}
