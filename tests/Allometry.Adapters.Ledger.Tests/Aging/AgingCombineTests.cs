namespace Allometry.Adapters.Ledger.Tests.Aging;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using static AgingFixtures;

/// <summary>Exports read by <see cref="Allometry.Adapters.Ledger.Aging.AgingExportSource"/> and merged by the core combiner.</summary>
public sealed class AgingCombineTests
{
    [Fact]
    public void Combine_QboDetailAndSageExports_CustomersDeduplicatedAndRowsLocatable()
    {
        var (qbo, _, _) = ReadFixture("qbo-detail.csv");
        var (sage, _, _) = ReadFixture("sage-aged-fr.csv");

        var combined = LedgerBatchCombiner.Combine([qbo, sage]);
        var payers = combined.Payers.ToList();
        var invoices = combined.Invoices.ToList();

        // Sage's nine customers all appear in the QuickBooks detail's twelve.
        Assert.Equal(12, payers.Count);
        Assert.Equal(18 + 15, invoices.Count);
        Assert.All(invoices, i => Assert.Contains(payers, p => p.PayerId == i.PayerId));
        var sageLine = invoices.First(i => i.Origin == InvoiceOrigin.AgingSummary);
        Assert.Equal(new ImportLocation("sage-aged-fr.csv", "sage-aged-receivables", 6, null), combined.Locate(sageLine.Source));
        Assert.Empty(combined.Issues.Issues);
    }

    [Fact]
    public void Combine_WorkbookPayerWithAlias_ExportInvoicesRepointed()
    {
        var (export, _, _) = ReadFixture("zoho-summary.csv");
        var workbook = new LedgerBatch
        {
            Meta = new LedgerMeta { AsOf = AsOf, Tenant = "atelier-boreal" },
            Sources = [new SourceSheet("payers.csv", "payers")],
            PresentSheets = new HashSet<string> { "meta", "payers", "invoices" },
            Payers = [new Payer { PayerId = "TREMBLAY", Name = "9123-4567 Québec inc.", Aliases = ["Groupe Tremblay-Bélanger"], Source = new RowRef(0, 2) }],
        };

        var combined = LedgerBatchCombiner.Combine([workbook, export]);
        var invoices = combined.Invoices.ToList();

        Assert.Equal(10, combined.Payers.Count());
        Assert.Equal(47645.40m, invoices.Where(i => i.PayerId == "TREMBLAY").Sum(i => i.Balance));
        Assert.DoesNotContain(invoices, i => i.PayerId == "c-groupe-tremblay-belanger-inc");
    }
}
