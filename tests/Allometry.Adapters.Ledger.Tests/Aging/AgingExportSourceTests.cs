namespace Allometry.Adapters.Ledger.Tests.Aging;

using System.Text;
using Allometry.Adapters.Ledger.Aging;
using Allometry.Core.Imports;
using Allometry.Core.Localization;
using static AgingFixtures;

public sealed class AgingExportSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("allometry-aging-").FullName;
    private readonly AgingExportSource _source = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private string Altered(string fixture, string find, string replace)
    {
        var text = File.ReadAllText(AgingFixtures.Path(fixture));
        Assert.Contains(find, text);
        return Write(fixture, text.Replace(find, replace, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("qbo-summary.csv")]
    [InlineData("qbo-summary-fr.csv")]
    [InlineData("qbo-detail.csv")]
    [InlineData("qbo-detail-fr.csv")]
    [InlineData("zoho-summary.csv")]
    [InlineData("zoho-details.csv")]
    [InlineData("sage-aged.csv")]
    [InlineData("sage-aged-fr.csv")]
    public void CanRead_EveryFixture_True(string fixture) => Assert.True(_source.CanRead(AgingFixtures.Path(fixture)));

    [Theory]
    [InlineData("qbo-summary.csv")]
    [InlineData("qbo-summary-fr.csv")]
    [InlineData("zoho-summary.csv")]
    [InlineData("sage-aged.csv")]
    [InlineData("sage-aged-fr.csv")]
    public void Read_SummaryFixtures_EverySyntheticInvoiceAgesInsideItsBucket(string fixture)
    {
        var (_, _, invoices) = ReadFixture(fixture);

        Assert.NotEmpty(invoices);
        Assert.All(invoices, invoice =>
        {
            var key = System.Text.RegularExpressions.Regex.Match(invoice.InvoiceId, @"-(current|(\d+)-(\d+|plus))$");
            Assert.True(key.Success, invoice.InvoiceId);
            var days = AsOf.DayNumber - invoice.DueDate.DayNumber;
            if (key.Groups[1].Value == "current")
            {
                Assert.True(days <= 0, invoice.InvoiceId);
                return;
            }
            Assert.True(days >= int.Parse(key.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), invoice.InvoiceId);
            if (key.Groups[3].Value != "plus") Assert.True(days <= int.Parse(key.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), invoice.InvoiceId);
        });
    }

    [Fact]
    public void CanRead_LedgerWorkbookSheets_False()
    {
        var payers = Write("payers.csv", "payer_id,name,aliases,province,credit_limit\nP1,Construction Lévesque & Fils inc.,Lévesque,QC,50000\n");
        var invoices = Write("invoices.csv", "invoice_id,payer_id,kind,issue_date,due_date,subtotal,total,balance\nF-1,P1,final,2026-10-01,2026-10-31,100.00,114.98,114.98\n");

        Assert.False(_source.CanRead(payers));
        Assert.False(_source.CanRead(invoices));
        Assert.False(_source.CanRead(System.IO.Path.Combine(_dir, "missing.csv")));
        Assert.False(_source.CanRead(Write("report.pdf", "Customer,Current,1 - 30\n")));
    }

    [Fact]
    public void Read_UnrecognizedLayout_RejectedAsAgingLayoutNotRecognized()
    {
        var path = Write("notes.csv", "Atelier Boréal inc.\nSomething else,entirely\n1,2\n");

        var error = Assert.Throws<LedgerImportException>(() => _source.Read(path, new LedgerReadOptions()));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(ImportIssueCode.AgingLayoutNotRecognized, issue.Code);
        Assert.Equal("notes.csv", issue.Location.File);
    }

    [Fact]
    public void Read_NoAsOfInPreambleOrOptions_RejectedAsAgingAsOfMissing()
    {
        var path = Write("aging.csv", "Customer,Current,1 - 30,Total\nPlomberie Gauthier,100.00,50.00,150.00\n");

        var error = Assert.Throws<LedgerImportException>(() => _source.Read(path, new LedgerReadOptions()));

        Assert.Equal(ImportIssueCode.AgingAsOfMissing, Assert.Single(error.Errors).Code);
        Assert.Contains("--as-of", error.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoAsOfInPreambleButGivenInOptions_UsesTheOption()
    {
        var path = Write("aging.csv", "Customer,Current,1 - 30,Total\nPlomberie Gauthier,100.00,50.00,150.00\n");

        var (batch, _, invoices) = Read(path, new LedgerReadOptions { AsOf = new DateOnly(2026, 12, 31) });

        Assert.Equal(new DateOnly(2026, 12, 31), batch.Meta.AsOf);
        Assert.Equal(new DateOnly(2026, 12, 30), invoices.Single(i => i.InvoiceId.EndsWith("-1-30", StringComparison.Ordinal)).DueDate);
    }

    [Fact]
    public void Read_PreambleAndOptionDisagree_PreambleWinsWithAWarning()
    {
        var (batch, _, _) = ReadFixture("qbo-summary.csv", new LedgerReadOptions { AsOf = new DateOnly(2026, 11, 30) });

        Assert.Equal(AsOf, batch.Meta.AsOf);
        var warning = Assert.Single(batch.Issues.Issues);
        Assert.Equal((ImportIssueCode.AgingAsOfDiffers, ImportSeverity.Warning, 3), (warning.Code, warning.Severity, warning.Location.Row));
    }

    [Fact]
    public void Read_SummaryLineEdited_GrandTotalAndRowTotalMismatchLocated()
    {
        var path = Altered("qbo-summary.csv", "\"2,299.50\",\"1,149.75\"", "\"2,299.50\",\"1,194.75\"");

        var (batch, _, _) = Read(path);

        var mismatches = Errors(batch);
        Assert.All(mismatches, e => Assert.Equal(ImportIssueCode.AgingTotalMismatch, e.Code));
        Assert.Equal(2, mismatches.Count);
        var row = mismatches.Single(e => e.Location.Row == 13);
        Assert.Equal(("Total", "3,449.25"), (row.Location.Column, row.Value));
        var bucket = mismatches.Single(e => e.Location is { Row: 18, Column: "1 - 30" });
        Assert.Equal("$15,557.44", bucket.Value);
        Assert.Equal(["15602.44", "15557.44"], bucket.Args);
    }

    [Fact]
    public void Read_DetailLineEdited_SectionAndGrandTotalMismatch()
    {
        var path = Altered("qbo-detail.csv", "Plomberie Gauthier,11/14/2026,\"1,437.19\",\"1,437.19\"", "Plomberie Gauthier,11/14/2026,\"1,437.19\",\"1,337.19\"");

        var (batch, _, _) = Read(path);

        var mismatches = Errors(batch);
        Assert.Equal([(18, "Open Balance"), (35, "Open Balance")], mismatches.Select(e => (e.Location.Row!.Value, e.Location.Column!)));
        Assert.All(mismatches, e => Assert.Equal(ImportIssueCode.AgingTotalMismatch, e.Code));
        Assert.Contains("TOTAL", File.ReadLines(path).ElementAt(34), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnreadableAmount_InvalidAmountAtRowAndColumn()
    {
        var path = Altered("zoho-summary.csv", "1437.19", "14x7.19");

        var (batch, _, _) = Read(path);

        var error = Errors(batch).First();
        Assert.Equal((ImportIssueCode.InvalidAmount, "1-15 Days", "14x7.19"), (error.Code, error.Location.Column, error.Value));
        Assert.Equal(9, error.Location.Row);
    }

    [Fact]
    public void Read_DetailDatesNeverRevealTheirOrder_AmbiguousDateErrors()
    {
        var path = Write("detail.csv",
            "A/R Aging Detail\nAs of 2026-11-20\n\n,Date,Transaction Type,Num,Customer,Due Date,Amount,Open Balance\n" +
            ",03/04/2026,Invoice,7,Plomberie Gauthier,2026-05-04,100.00,100.00\n");

        var (batch, _, invoices) = Read(path);

        Assert.Empty(invoices);
        var error = Assert.Single(Errors(batch));
        Assert.Equal((ImportIssueCode.AmbiguousDate, "Date", 5), (error.Code, error.Location.Column, error.Location.Row));
    }

    private const string Desktop =
        "Atelier Boréal inc.\nA/R Aging Summary\nAs of November 20, 2026\n\n" +
        ",Current,1 - 30,31 - 60,61 - 90,>90,TOTAL\n" +
        "Groupe Tremblay-Bélanger inc.\n" +
        "Groupe Tremblay-Bélanger inc.:Chantier Lévis,100.00,,,,50.00,150.00\n" +
        "Groupe Tremblay-Bélanger inc.:Chantier Sherbrooke,,25.00,,,,25.00\n" +
        "Total for Groupe Tremblay-Bélanger inc.,100.00,25.00,0.00,0.00,50.00,175.00\n" +
        "Total Électrique Laval inc.,10.00,,,,,10.00\n" +
        "TOTAL,110.00,25.00,0.00,0.00,50.00,185.00\n";

    [Fact]
    public void Read_QuickBooksDesktopBlankCustomerHeaderAndSubCustomers_ReadAndBalanced()
    {
        var (batch, payers, invoices) = Read(Write("desktop.csv", Desktop));

        Assert.Empty(batch.Issues.Issues);
        Assert.Equal("qbo-aging-summary", batch.Sources[0].Sheet);
        Assert.Equal(["c-groupe-tremblay-belanger-inc-chantier-levis", "c-groupe-tremblay-belanger-inc-chantier-sherbrooke", "c-total-electrique-laval-inc"],
            payers.Select(p => p.PayerId));
        Assert.Equal(AsOf.AddDays(-91), invoices.Single(i => i.InvoiceId == "AGING-groupe-tremblay-belanger-inc-chantier-levis-91-plus").DueDate);
        Assert.Equal(185.00m, invoices.Sum(i => i.Balance));
    }

    [Fact]
    public void Read_SubCustomerGroupTotalEdited_MismatchOnTheGroupTotalRow()
    {
        var path = Write("desktop.csv", Desktop.Replace("Bélanger inc.,100.00,25.00,", "Bélanger inc.,100.00,30.00,", StringComparison.Ordinal));

        var (batch, _, _) = Read(path);

        var error = Assert.Single(Errors(batch));
        Assert.Equal((ImportIssueCode.AgingTotalMismatch, 9, "1 - 30", "30.00"), (error.Code, error.Location.Row!.Value, error.Location.Column, error.Value));
    }

    [Fact]
    public void Read_UnknownColumn_WarnedNotUsed()
    {
        var path = Write("aging.csv", "As of 2026-11-20\nCustomer,Current,1 - 30,Sales Rep,Total\nPlomberie Gauthier,100.00,50.00,Julie,150.00\n");

        var (batch, _, invoices) = Read(path);

        var warning = Assert.Single(batch.Issues.Issues);
        Assert.Equal((ImportIssueCode.UnknownColumn, ImportSeverity.Warning, "Sales Rep"), (warning.Code, warning.Severity, warning.Location.Column));
        Assert.Equal(150.00m, invoices.Sum(i => i.Balance));
    }

    [Fact]
    public void Read_IssueDescriptions_NameFileSheetRowAndColumnInBothLanguages()
    {
        var path = Altered("qbo-summary.csv", "\"2,299.50\",\"1,149.75\"", "\"2,299.50\",\"1,194.75\"");

        var (batch, _, _) = Read(path);
        var bucket = Errors(batch).Single(e => e.Location is { Row: 18, Column: "1 - 30" });

        Assert.StartsWith("file qbo-summary.csv, sheet qbo-aging-summary, row 18, column 1 - 30: the amounts add up to 15602.44", bucket.Describe(Language.En), StringComparison.Ordinal);
        Assert.StartsWith("fichier qbo-summary.csv, feuille qbo-aging-summary, ligne 18, colonne 1 - 30 : les montants totalisent 15602.44", bucket.Describe(Language.Fr), StringComparison.Ordinal);
    }
}
