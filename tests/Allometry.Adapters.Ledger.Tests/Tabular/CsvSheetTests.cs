namespace Allometry.Adapters.Ledger.Tests.Tabular;

using System.Text;
using Allometry.Adapters.Ledger.Tabular;
using Allometry.Core.Imports;

public sealed class CsvSheetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("allometry-csv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<TabularRow> Rows(string path)
    {
        using var file = TabularFile.Open(path);
        return [.. file.Sheets.Single().Rows()];
    }

    [Fact]
    public void Open_QuotedFieldsWithCommasQuotesAndNewlines_OneRecordPerRow()
    {
        var path = Write("payers.csv", Encoding.UTF8.GetBytes("payer_id,name\r\nP1,\"Lévis, \"\"Nord\"\"\ninc.\"\r\nP2,Simple\n"));

        var rows = Rows(path);

        Assert.Equal(3, rows.Count);
        Assert.Equal("Lévis, \"Nord\"\ninc.", rows[1].Cells[1]);
        Assert.Equal(3, rows[2].Number);
        Assert.Equal("P2", rows[2].Cell(0));
    }

    [Fact]
    public void Open_SemicolonDelimitedWithBom_DetectsDelimiterAndStripsBom()
    {
        var path = Write("invoices.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("invoice_id;total\nF-1;1 234,56 $\n")]);

        var rows = Rows(path);

        Assert.Equal("invoice_id", rows[0].Cells[0]);
        Assert.Equal("1 234,56 $", rows[1].Cell(1));
    }

    [Fact]
    public void Open_SemicolonReportWithTitleLine_DelimiterFromTheBusiestLine()
    {
        var path = Write("aging.csv", Encoding.UTF8.GetBytes("Borealis, inc.\nClient;Courant;1 à 30;Total\nAlpha;1 234,56;0,00;1 234,56\n"));

        var rows = Rows(path);

        Assert.Equal(4, rows[1].Cells.Count);
        Assert.Equal("1 234,56", rows[2].Cell(1));
    }

    [Fact]
    public void Open_Windows1252Bytes_DecodesAccents()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Write("payers.csv", Encoding.GetEncoding(1252).GetBytes("payer_id,name\nP1,Érablière Saint-Gédéon\n"));

        var rows = Rows(path);

        Assert.Equal("Érablière Saint-Gédéon", rows[1].Cell(1));
    }

    [Fact]
    public void Open_BinaryGarbage_RejectedAsUnreadable()
    {
        var path = Write("invoices.csv", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x12]);

        var error = Assert.Throws<LedgerImportException>(() => TabularFile.Open(path));

        Assert.Equal(ImportIssueCode.UnreadableFile, error.Issues.Single().Code);
        Assert.Equal("invoices.csv", error.Issues.Single().Location.File);
    }

    [Fact]
    public void Open_EmptyFile_RejectedAsEmpty()
    {
        var path = Write("payers.csv", []);

        var error = Assert.Throws<LedgerImportException>(() => TabularFile.Open(path));

        Assert.Equal(ImportIssueCode.EmptyFile, error.Issues.Single().Code);
    }

    [Fact]
    public void Open_MissingFile_RejectedAsNotFound()
    {
        var error = Assert.Throws<LedgerImportException>(() => TabularFile.Open(Path.Combine(_dir, "nope.csv")));

        Assert.Equal(ImportIssueCode.FileNotFound, error.Issues.Single().Code);
    }

    [Fact]
    public void Open_CorruptXlsx_RejectedAsUnreadable()
    {
        var path = Write("ledger.xlsx", Encoding.ASCII.GetBytes("this is not a zip archive at all"));

        var error = Assert.Throws<LedgerImportException>(() => TabularFile.Open(path));

        Assert.Equal(ImportIssueCode.UnreadableFile, error.Issues.Single().Code);
    }
}
