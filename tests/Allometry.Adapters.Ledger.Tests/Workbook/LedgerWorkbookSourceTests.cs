namespace Allometry.Adapters.Ledger.Tests.Workbook;

using System.Text;
using Allometry.Adapters.Ledger.Workbook;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;

public sealed class LedgerWorkbookSourceTests
{
    private readonly LedgerWorkbookSource _source = new();

    [Fact]
    public void Read_ValidCsvFolder_ReadsEverySheetExactly()
    {
        var path = TempWorkbook.FixturePath("valid");

        var read = WorkbookAssert.ReadAll(path);

        ValidWorkbookExpectations.AssertValid(read, sheet => sheet + ".csv");
    }

    [Fact]
    public void Read_SameContentAsXlsx_ReadsIdentically()
    {
        using var workbook = TempWorkbook.CopyOf("valid");
        var xlsx = Path.Combine(workbook.Root, "ledger.xlsx");
        XlsxBuilder.FromCsvFolder(workbook.Folder, xlsx);

        var read = WorkbookAssert.ReadAll(xlsx);

        ValidWorkbookExpectations.AssertValid(read, _ => "ledger.xlsx");
    }

    [Fact]
    public void Read_Windows1252Payers_DecodesAccents()
    {
        using var workbook = TempWorkbook.CopyOf("valid");
        var utf8 = File.ReadAllText(workbook.PathOf("payers.csv"), Encoding.UTF8);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        workbook.WriteBytes("payers.csv", Encoding.GetEncoding(1252).GetBytes(utf8));

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        Assert.Empty(read.Batch.Issues.Issues);
        Assert.Equal("Construction Éric Bélanger inc.", read.Payers[0].Name);
        Assert.Equal("Promotions Lévis-Côté S.E.N.C.", read.Payers[2].Name);
    }

    [Fact]
    public void Read_MetaWithBom_ReadsFirstHeader()
    {
        var path = TempWorkbook.FixturePath("valid");
        Assert.Equal(Encoding.UTF8.GetPreamble(), File.ReadAllBytes(Path.Combine(path, "meta.csv")).Take(3));

        var batch = _source.Read(path, new LedgerReadOptions());

        Assert.Equal(new DateOnly(2026, 3, 31), batch.Meta.AsOf);
    }

    [Fact]
    public void Read_SemicolonFrenchHeadersAndFrCaAmounts_ReadsPayments()
    {
        var path = TempWorkbook.FixturePath("valid");
        Assert.StartsWith("no_paiement;no_client;", File.ReadAllText(Path.Combine(path, "payments.csv")), StringComparison.Ordinal);

        var payments = _source.Read(path, new LedgerReadOptions()).Payments.ToList();

        Assert.Equal(86_231.25m, payments[0].Amount);
        Assert.Equal("C-001", payments[0].PayerId);
    }

    [Fact]
    public void Read_OuiNonBooleans_ReadAsTrueFalse()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Write("service_contracts.csv", "contract_id,payer_id,annual_fee,renewal_date,service_active\nS-1,C-1,100,2026-06-01,OUI\nS-2,C-1,100,2026-06-01,non\nS-3,C-2,100,2026-06-01,\n");

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        Assert.Equal([true, false, null], read.ServiceContracts.Select(s => s.ServiceActive));
    }

    [Fact]
    public void Read_HeadersInAnyCaseWithSpacesAndAccents_MapToContractColumns()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Write("invoices.csv",
            " Numéro de facture ,NO_CLIENT,Type,Date Facture,Date d'échéance,Sous-total,TPS,TVQ,TOTAL,Solde\n" +
            "F-9,C-1,final,2026-01-10,2026-02-09,\"1 000,00 $\",\"50,00\",\"99,75\",\"1 149,75 $\",\"1 149,75 $\"\n");

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        Assert.Empty(read.Batch.Issues.Issues);
        var invoice = Assert.Single(read.Invoices);
        Assert.Equal(("F-9", "C-1", 1_149.75m, new DateOnly(2026, 2, 9)), (invoice.InvoiceId, invoice.PayerId, invoice.Balance, invoice.DueDate));
    }

    [Fact]
    public void Read_UnknownColumnAndUnknownSheet_WarnAndReadTheRest()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Replace("payers.csv", "payer_id,name,province,language", "payer_id,name,province,language,sales_rep");
        workbook.Write("notes.csv", "anything\nx\n");

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        Assert.Equal(2, read.Payers.Count);
        var warnings = read.Batch.Issues.Issues;
        Assert.All(warnings, w => Assert.Equal(ImportSeverity.Warning, w.Severity));
        Assert.Contains(warnings, w => w.Code == ImportIssueCode.UnknownColumn && w.Location == new ImportLocation("payers.csv", "payers", 1, "sales_rep"));
        Assert.Contains(warnings, w => w.Code == ImportIssueCode.UnknownSheet && w.Location == new ImportLocation("notes.csv", "notes"));
        Assert.All(warnings, WorkbookAssert.AssertDescribed);
    }

    [Fact]
    public void Read_UnknownMetaKey_WarnsWithTheKey()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Write("meta.csv", "key,value\nas_of,2026-03-31\nfiscal_year_end,03-31\n");

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        var warning = Assert.Single(read.Batch.Issues.Issues);
        Assert.Equal((ImportIssueCode.InvalidMetaKey, ImportSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Equal(new ImportLocation("meta.csv", "meta", 3, "key"), warning.Location);
        Assert.Equal(["fiscal_year_end"], warning.Args);
    }

    [Fact]
    public void Read_CreditNote_AcceptsNegativeBalanceDownToTotal()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Write("invoices.csv", TempWorkbook.MinimalInvoices("CN-1,C-1,other,2026-01-15,2026-01-15,-100.00,-5.00,,-9.98,-114.98,-50.00,"));

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        Assert.Empty(read.Batch.Issues.Issues);
        Assert.Equal(-50.00m, Assert.Single(read.Invoices).Balance);
    }

    [Fact]
    public void Read_SheetWithoutTaxColumns_TakesTotalAsGiven()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Write("invoices.csv", "invoice_id,payer_id,kind,issue_date,due_date,subtotal,total,balance\nF-1,C-1,final,2026-01-15,2026-02-14,1000.00,1149.75,1149.75\n");

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        Assert.Empty(read.Batch.Issues.Issues);
        Assert.Equal(1_149.75m, Assert.Single(read.Invoices).Total);
    }

    [Fact]
    public void Read_TotalOffByOneCentPerTaxComponent_Accepted()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Write("invoices.csv", TempWorkbook.MinimalInvoices("F-1,C-1,progress,2026-01-15,2026-02-14,1000.00,50.00,,99.75,1149.77,1149.77,"));

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        Assert.Empty(read.Batch.Issues.Issues);
        Assert.Single(read.Invoices);
    }

    [Fact]
    public void Read_BadRowAmongGoodRows_SkipsOnlyTheBadRow()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Write("invoices.csv", TempWorkbook.MinimalInvoices(
            "F-1,C-1,progress,2026-01-15,2026-02-14,1000.00,50.00,,99.75,1149.75,1149.75,",
            "F-2,C-1,progress,2026-01-15,2026-02-14,abc,50.00,,99.75,1149.75,1149.75,",
            "F-3,C-2,final,2026-02-01,2026-03-03,2000.00,,260.00,,2260.00,0.00,CAD"));

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        Assert.Equal(["F-1", "F-3"], read.Invoices.Select(i => i.InvoiceId));
        Assert.Equal([3], read.Batch.Issues.Issues.Select(i => i.Location.Row));
        Assert.Equal([4], read.Invoices.Skip(1).Select(i => i.Source.Row));
    }

    [Fact]
    public void Read_RowWithSeveralBadCells_ReportsEachCell()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Write("invoices.csv", TempWorkbook.MinimalInvoices("F-1,,deposit,2026-02-30,2026-02-14,abc,50.00,,99.75,1149.75,1149.75,"));

        var issues = WorkbookAssert.ReadAll(workbook.Folder).Batch.Issues.Issues;

        Assert.Equal(["payer_id", "issue_date", "subtotal"], issues.Select(i => i.Location.Column));
        Assert.Equal([ImportIssueCode.RequiredValueMissing, ImportIssueCode.InvalidDate, ImportIssueCode.InvalidAmount], issues.Select(i => i.Code));
    }

    [Fact]
    public void Read_MetaDateFormat_ResolvesEveryDateInTheWorkbook()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Write("meta.csv", "key,value\nas_of,03/04/2026\ndate_format,MM/dd/yyyy\n");
        workbook.Write("invoices.csv", TempWorkbook.MinimalInvoices("F-1,C-1,progress,01/02/2026,02/01/2026,1000.00,50.00,,99.75,1149.75,1149.75,"));

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        Assert.Equal(new DateOnly(2026, 3, 4), read.Batch.Meta.AsOf);
        var invoice = Assert.Single(read.Invoices);
        Assert.Equal((new DateOnly(2026, 1, 2), new DateOnly(2026, 2, 1)), (invoice.IssueDate, invoice.DueDate));
    }

    [Fact]
    public void Read_AsOfFromOptions_UsedWhenMetaHasNone()
    {
        using var workbook = TempWorkbook.Minimal();
        workbook.Write("meta.csv", "key,value\ntenant,Côté\n");

        var batch = _source.Read(workbook.Folder, new LedgerReadOptions { AsOf = new DateOnly(2026, 1, 31), Tenant = "ignored" });

        Assert.Equal(new DateOnly(2026, 1, 31), batch.Meta.AsOf);
        Assert.Equal("Côté", batch.Meta.Tenant);
    }

    [Fact]
    public void Read_OptionalSheetsAbsent_EmptySequencesAndNotPresent()
    {
        using var workbook = TempWorkbook.Minimal();

        var read = WorkbookAssert.ReadAll(workbook.Folder);

        Assert.Equal(["invoices", "meta", "payers"], read.Batch.PresentSheets.Order(StringComparer.Ordinal));
        Assert.Empty(read.Payments);
        Assert.Empty(read.Projects);
        Assert.Equal(2, read.Invoices.Count);
    }

    [Fact]
    public void Read_Sequences_AreLazyAndReadTheFileWhenEnumerated()
    {
        using var workbook = TempWorkbook.Minimal();
        var batch = _source.Read(workbook.Folder, new LedgerReadOptions());
        File.AppendAllText(workbook.PathOf("invoices.csv"), "F-3,C-2,final,2026-02-01,2026-03-03,10.00,,1.30,,11.30,11.30,\n");

        var invoices = batch.Invoices;

        Assert.IsNotAssignableFrom<System.Collections.ICollection>(invoices);
        Assert.Equal(["F-1", "F-2", "F-3"], invoices.Select(i => i.InvoiceId));
    }

    [Fact]
    public void Read_LargeInvoiceSheet_StreamsEveryRow()
    {
        using var workbook = TempWorkbook.Minimal();
        using (var writer = new StreamWriter(workbook.PathOf("invoices.csv")))
        {
            writer.WriteLine(TempWorkbook.InvoiceHeader);
            for (var i = 0; i < 200_000; i++)
            {
                writer.WriteLine($"F-{i},C-{1 + (i % 2)},progress,2026-01-15,2026-02-14,1000.00,50.00,,99.75,1149.75,1149.75,");
            }
        }
        var batch = _source.Read(workbook.Folder, new LedgerReadOptions());

        var (count, last) = batch.Invoices.Aggregate((Count: 0, Last: (Invoice?)null), (acc, i) => (acc.Count + 1, i));

        Assert.Equal(200_000, count);
        Assert.Equal(("F-199999", 200_001), (last!.InvoiceId, last.Source.Row));
        Assert.False(batch.Issues.HasErrors);
    }

    [Fact]
    public void CanRead_WorkbookFolderAndXlsx_True()
    {
        using var workbook = TempWorkbook.CopyOf("valid");
        var xlsx = Path.Combine(workbook.Root, "ledger.xlsx");
        XlsxBuilder.FromCsvFolder(workbook.Folder, xlsx);

        Assert.True(_source.CanRead(workbook.Folder));
        Assert.True(_source.CanRead(xlsx));
    }

    [Fact]
    public void CanRead_OtherInputs_False()
    {
        using var workbook = TempWorkbook.Minimal();
        var aging = Path.Combine(workbook.Root, "aging.xlsx");
        XlsxBuilder.Write(aging, [("AR Aging Summary", [["Customer", "Current", "Total"], ["Béton", "10.00", "10.00"]])]);
        var csv = workbook.PathOf("invoices.csv");
        var garbage = Path.Combine(workbook.Root, "broken.xlsx");
        File.WriteAllBytes(garbage, [1, 2, 3, 4]);

        Assert.False(_source.CanRead(aging));
        Assert.False(_source.CanRead(csv));
        Assert.False(_source.CanRead(garbage));
        Assert.False(_source.CanRead(workbook.Root));
        Assert.False(_source.CanRead(Path.Combine(workbook.Root, "missing")));
    }
}
