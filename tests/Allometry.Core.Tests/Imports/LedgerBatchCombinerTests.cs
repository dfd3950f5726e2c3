namespace Allometry.Core.Tests.Imports;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;

public sealed class LedgerBatchCombinerTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    private static LedgerBatch Workbook(params Payer[] payers) => new()
    {
        Meta = new LedgerMeta { AsOf = AsOf, Tenant = "atelier-boreal" },
        Sources = [new SourceSheet("ledger.xlsx", "meta"), new SourceSheet("ledger.xlsx", "payers"), new SourceSheet("ledger.xlsx", "invoices")],
        PresentSheets = new HashSet<string> { "meta", "payers", "invoices" },
        Payers = payers,
        Invoices = [Invoice("F-100", "P1", InvoiceOrigin.Workbook, new RowRef(2, 2))],
    };

    private static LedgerBatch Export(string file, DateOnly asOf, params (string Id, string Name, decimal Balance)[] customers) => new()
    {
        Meta = new LedgerMeta { AsOf = asOf },
        Sources = [new SourceSheet(file, "qbo-aging-summary")],
        PresentSheets = new HashSet<string> { "payers", "invoices" },
        Payers = [.. customers.Select((c, i) => new Payer { PayerId = c.Id, Name = c.Name, Source = new RowRef(0, 6 + i) })],
        Invoices = [.. customers.Select((c, i) => Invoice($"AGING-{c.Id}-current", c.Id, InvoiceOrigin.AgingSummary, new RowRef(0, 6 + i), c.Balance))],
    };

    private static Payer Payer(string id, string name, params string[] aliases) =>
        new() { PayerId = id, Name = name, Aliases = aliases, Source = new RowRef(1, 2) };

    private static Invoice Invoice(string id, string payer, InvoiceOrigin origin, RowRef source, decimal balance = 100m) => new()
    {
        InvoiceId = id, PayerId = payer, Kind = InvoiceKind.Other, IssueDate = AsOf, DueDate = AsOf,
        Subtotal = balance, Total = balance, Balance = balance, Origin = origin, Source = source,
    };

    [Theory]
    [InlineData("Construction Lévesque & Fils inc.", "CONSTRUCTION LEVESQUE ET FILS")]
    [InlineData("Rénovations Côté Ltée", "renovations cote")]
    [InlineData("Ottawa Valley Millwork Ltd.", "Ottawa-Valley Millwork")]
    [InlineData("Habitations Nadeau (Québec) inc.", "Habitations Nadeau Quebec Inc")]
    [InlineData("Toitures Pelletier & Frères", "Toitures Pelletier and Freres")]
    public void NameKey_SpellingsOfOneCompany_SameKey(string a, string b) =>
        Assert.Equal(LedgerBatchCombiner.NameKey(a), LedgerBatchCombiner.NameKey(b));

    [Fact]
    public void NameKey_DifferentCompaniesAndBareSuffix_DistinctAndNonEmpty()
    {
        Assert.NotEqual(LedgerBatchCombiner.NameKey("Plomberie Gauthier"), LedgerBatchCombiner.NameKey("Plomberie Gagnon"));
        Assert.Equal("inc", LedgerBatchCombiner.NameKey("Inc."));
    }

    [Fact]
    public void Combine_ExportCustomerNamedLikeAWorkbookPayer_InvoicesRepointedToIt()
    {
        var workbook = Workbook(Payer("P1", "Construction Lévesque & Fils inc."), Payer("P2", "Plomberie Gauthier"));
        var export = Export("aging.csv", AsOf, ("c-construction-levesque-fils", "CONSTRUCTION LÉVESQUE ET FILS", 500m), ("c-kingston-dental-group", "Kingston Dental Group", 75m));

        var combined = LedgerBatchCombiner.Combine([workbook, export]);

        Assert.Equal(["P1", "P2", "c-kingston-dental-group"], combined.Payers.Select(p => p.PayerId));
        Assert.Equal(["P1", "P1", "c-kingston-dental-group"], combined.Invoices.Select(i => i.PayerId));
        Assert.Empty(combined.Issues.Issues);
    }

    [Fact]
    public void Combine_ExportCustomerMatchingAWorkbookAlias_Resolved()
    {
        var workbook = Workbook(Payer("P1", "9123-4567 Québec inc.", "Groupe Tremblay-Bélanger"));
        var export = Export("aging.csv", AsOf, ("c-groupe-tremblay-belanger-inc", "Groupe Tremblay-Bélanger inc.", 10m));

        var combined = LedgerBatchCombiner.Combine([workbook, export]);

        Assert.Equal("P1", Assert.Single(combined.Payers).PayerId);
        Assert.Equal("P1", combined.Invoices.Last().PayerId);
    }

    [Fact]
    public void Combine_ExportBeforeWorkbook_MetaAndPayersStillTheWorkbooks()
    {
        var workbook = Workbook(Payer("P1", "Plomberie Gauthier"));
        var export = Export("aging.csv", AsOf, ("c-plomberie-gauthier", "Plomberie Gauthier", 10m));

        var combined = LedgerBatchCombiner.Combine([export, workbook]);

        Assert.Same(workbook.Meta, combined.Meta);
        Assert.Equal("P1", Assert.Single(combined.Payers).PayerId);
        Assert.Equal(["P1", "P1"], combined.Invoices.Select(i => i.PayerId));
    }

    [Fact]
    public void Combine_SameCustomerInTwoExports_OnePayer()
    {
        var first = Export("qbo.csv", AsOf, ("c-rénovations-cote-ltee", "Rénovations Côté ltée", 10m));
        var second = Export("zoho.csv", AsOf, ("c-renovations-cote", "Renovations Cote", 20m), ("c-plomberie-gauthier", "Plomberie Gauthier", 5m));

        var combined = LedgerBatchCombiner.Combine([first, second]);

        Assert.Equal(["c-rénovations-cote-ltee", "c-plomberie-gauthier"], combined.Payers.Select(p => p.PayerId));
        Assert.Equal(["c-rénovations-cote-ltee", "c-rénovations-cote-ltee", "c-plomberie-gauthier"], combined.Invoices.Select(i => i.PayerId));
        Assert.Same(first.Meta, combined.Meta);
    }

    [Fact]
    public void Combine_Sources_ConcatenatedAndRowRefsRebased()
    {
        var workbook = Workbook(Payer("P1", "Plomberie Gauthier"));
        var export = Export("aging.csv", AsOf, ("c-kingston-dental-group", "Kingston Dental Group", 75m));

        var combined = LedgerBatchCombiner.Combine([workbook, export]);
        var invoices = combined.Invoices.ToList();
        var payers = combined.Payers.ToList();

        Assert.Equal(4, combined.Sources.Count);
        Assert.Equal(new SourceSheet("aging.csv", "qbo-aging-summary"), combined.Sources[3]);
        Assert.Equal(new RowRef(2, 2), invoices[0].Source);
        Assert.Equal(new RowRef(3, 6), invoices[1].Source);
        Assert.Equal(new RowRef(3, 6), payers[1].Source);
        Assert.Equal(new ImportLocation("aging.csv", "qbo-aging-summary", 6, "balance"), combined.Locate(invoices[1].Source, "balance"));
        Assert.Equal(["invoices", "meta", "payers"], combined.PresentSheets.Order());
    }

    [Fact]
    public void Combine_AsOfDatesDisagree_RejectedWithAsOfMismatch()
    {
        var workbook = Workbook(Payer("P1", "Plomberie Gauthier"));
        var export = Export("aging.csv", AsOf.AddDays(-20), ("c-x", "X", 1m));

        var error = Assert.Throws<LedgerImportException>(() => LedgerBatchCombiner.Combine([workbook, export]));

        var issue = Assert.Single(error.Issues);
        Assert.Equal((ImportIssueCode.AsOfMismatch, "aging.csv", "2026-10-31"), (issue.Code, issue.Location.File, issue.Value));
        Assert.Equal(["2026-10-31", "2026-11-20"], issue.Args);
    }

    [Fact]
    public void Combine_NameMatchesTwoWorkbookPayers_KeptApartWithAWarning()
    {
        var workbook = Workbook(Payer("P1", "Plomberie Gauthier"), Payer("P2", "Plomberie Gauthier inc."));
        var export = Export("aging.csv", AsOf, ("c-plomberie-gauthier", "PLOMBERIE GAUTHIER", 10m));

        var combined = LedgerBatchCombiner.Combine([workbook, export]);

        Assert.Equal(["P1", "P2", "c-plomberie-gauthier"], combined.Payers.Select(p => p.PayerId));
        var warning = Assert.Single(combined.Issues.Issues);
        Assert.Equal((ImportIssueCode.AgingPayerAmbiguous, ImportSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Equal(["PLOMBERIE GAUTHIER", "P1, P2"], warning.Args);
        Assert.Equal(new ImportLocation("aging.csv", "qbo-aging-summary", 6), warning.Location);
    }

    [Fact]
    public void Combine_UnresolvedExportIdTakenByAnotherWorkbookPayer_Renamed()
    {
        var workbook = Workbook(Payer("c-gagnon", "Plomberie Gagnon"));
        var export = Export("aging.csv", AsOf, ("c-gagnon", "Gagnon Électrique", 10m));

        var combined = LedgerBatchCombiner.Combine([workbook, export]);

        Assert.Equal(["c-gagnon", "c-gagnon-2"], combined.Payers.Select(p => p.PayerId));
        Assert.Equal("c-gagnon-2", combined.Invoices.Last().PayerId);
    }

    [Fact]
    public void Combine_Sequences_LazyAndIssuesForwardedWhenRead()
    {
        var reads = 0;
        var workbookIssues = new ImportIssueCollector();
        var workbook = new LedgerBatch
        {
            Meta = new LedgerMeta { AsOf = AsOf },
            PresentSheets = new HashSet<string> { "meta", "payers", "invoices" },
            Sources = [new SourceSheet("invoices.csv", "invoices")],
            Issues = workbookIssues,
            Invoices = Stream(),
        };
        IEnumerable<Invoice> Stream()
        {
            reads++;
            workbookIssues.Add(ImportIssue.Error(ImportIssueCode.InvalidAmount, new ImportLocation("invoices.csv", "invoices", 3, "total"), "abc"));
            yield return Invoice("F-1", "P1", InvoiceOrigin.Workbook, new RowRef(0, 2));
        }
        var export = Export("aging.csv", AsOf, ("c-x", "X", 1m));

        var combined = LedgerBatchCombiner.Combine([workbook, export]);
        Assert.Equal(0, reads);
        Assert.False(combined.Issues.HasErrors);

        Assert.Equal(2, combined.Invoices.Count());
        Assert.Equal(1, reads);
        Assert.Equal(ImportIssueCode.InvalidAmount, Assert.Single(combined.Issues.Issues).Code);
    }

    [Fact]
    public void Combine_InvoicesReadBeforePayers_PayersReadOnceAndStillResolved()
    {
        var payerReads = 0;
        IEnumerable<Payer> Payers()
        {
            payerReads++;
            yield return Payer("P1", "Plomberie Gauthier");
        }
        var workbook = Workbook() is var w ? new LedgerBatch
        {
            Meta = w.Meta, Sources = w.Sources, PresentSheets = w.PresentSheets, Payers = Payers(), Invoices = w.Invoices,
        } : null!;
        var export = Export("aging.csv", AsOf, ("c-plomberie-gauthier", "Plomberie Gauthier", 10m));

        var combined = LedgerBatchCombiner.Combine([workbook, export]);

        Assert.Equal("P1", combined.Invoices.Last().PayerId);
        Assert.Equal("P1", Assert.Single(combined.Payers).PayerId);
        Assert.Equal(1, payerReads);
    }

    [Fact]
    public void Combine_WorkbookWithoutTenant_TenantFromAnExport()
    {
        var workbook = Workbook(Payer("P1", "Plomberie Gauthier"));
        workbook = new LedgerBatch { Meta = workbook.Meta with { Tenant = null }, PresentSheets = workbook.PresentSheets, Payers = workbook.Payers };
        var export = new LedgerBatch { Meta = new LedgerMeta { AsOf = AsOf, Tenant = "atelier-boreal" }, PresentSheets = new HashSet<string> { "payers" } };

        var combined = LedgerBatchCombiner.Combine([workbook, export]);

        Assert.Equal("atelier-boreal", combined.Meta.Tenant);
        Assert.Equal(AsOf, combined.Meta.AsOf);
    }

    [Fact]
    public void Combine_SingleBatch_ReturnedAsIs()
    {
        var export = Export("aging.csv", AsOf, ("c-x", "X", 1m));

        Assert.Same(export, LedgerBatchCombiner.Combine([export]));
        Assert.Throws<ArgumentException>(() => LedgerBatchCombiner.Combine([]));
    }
}
