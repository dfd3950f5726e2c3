namespace Allometry.Adapters.Ledger.Tests.Writing;

using System.IO.Compression;
using System.Xml.Linq;
using Allometry.Adapters.Ledger.Writing;
using ExcelDataReader;

public sealed class XlsxWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    [Fact]
    public void ToBytes_SameSheetsTwice_ByteIdentical()
    {
        // Arrange
        XlsxSheet[] Sheets() => [Sheet("invoices", ["invoice_id", "total"], ["INV-1", 12.50m]), Sheet("payers", ["payer_id"], ["P-1"])];

        // Act
        var first = XlsxWriter.ToBytes(Sheets());
        var second = XlsxWriter.ToBytes(Sheets());

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_TwoSheets_WorkbookXmlListsThemInOrderWithTheirParts()
    {
        // Arrange
        var bytes = XlsxWriter.ToBytes(Sheet("meta", ["key", "value"]), Sheet("invoices", ["invoice_id"]));

        // Act
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var workbook = Xml(zip, "xl/workbook.xml");
        var rels = Xml(zip, "xl/_rels/workbook.xml.rels");
        var types = Xml(zip, "[Content_Types].xml");

        // Assert
        var sheets = workbook.Descendants(Main + "sheet").ToList();
        Assert.Equal(["meta", "invoices"], sheets.Select(s => (string)s.Attribute("name")!));
        var targets = rels.Root!.Elements().ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        Assert.Equal(["worksheets/sheet1.xml", "worksheets/sheet2.xml"], sheets.Select(s => targets[(string)s.Attribute(Rel + "id")!]));
        Assert.Equal(
            ["/xl/workbook.xml", "/xl/worksheets/sheet1.xml", "/xl/worksheets/sheet2.xml"],
            types.Root!.Elements().Where(e => e.Name.LocalName == "Override").Select(e => (string)e.Attribute("PartName")!));
        Assert.NotNull(zip.GetEntry("_rels/.rels"));
    }

    [Fact]
    public void Write_AnySheets_EntriesCarryTheFixedTimestamp()
    {
        // Act
        using var zip = new ZipArchive(new MemoryStream(XlsxWriter.ToBytes(Sheet("meta", ["key"]))));

        // Assert
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Write_TextAndNumbers_InlineStringsAndPlainNumericCells()
    {
        // Arrange
        var bytes = XlsxWriter.ToBytes(Sheet("payers", ["name", "credit_limit", "email"], ["Érablière, inc.", 1234.50m, XlsxCell.Empty]));

        // Act
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var cells = Xml(zip, "xl/worksheets/sheet1.xml").Descendants(Main + "c").ToDictionary(c => (string)c.Attribute("r")!);

        // Assert
        Assert.Equal(["A1", "B1", "C1", "A2", "B2"], cells.Keys);
        Assert.Equal("inlineStr", (string?)cells["A2"].Attribute("t"));
        Assert.Equal("Érablière, inc.", cells["A2"].Element(Main + "is")!.Element(Main + "t")!.Value);
        Assert.Null(cells["B2"].Attribute("t"));
        Assert.Equal("1234.50", cells["B2"].Element(Main + "v")!.Value);
    }

    [Fact]
    public void Write_ReadBackWithExcelDataReader_GivesTheSheetsAndCells()
    {
        // Arrange
        var bytes = XlsxWriter.ToBytes(
            Sheet("invoices", ["invoice_id", "total", "note"], ["INV-1", -250.75m, "  padded  "], ["INV-2", 0.10m, "Trois-Rivières"]),
            Sheet("payers", ["payer_id"], ["P-1"]));

        // Act
        using var reader = ExcelReading.Open(new MemoryStream(bytes));
        var first = ReadAll(reader);
        var firstName = reader.Name;
        reader.NextResult();
        var secondName = reader.Name;
        var second = ReadAll(reader);

        // Assert
        Assert.Equal("invoices", firstName);
        Assert.Equal(["invoice_id", "total", "note"], first[0]);
        Assert.Equal(["INV-1", -250.75, "  padded  "], first[1]);
        Assert.Equal(["INV-2", 0.1, "Trois-Rivières"], first[2]);
        Assert.Equal("payers", secondName);
        Assert.Equal(["P-1"], second[1]);
    }

    [Fact]
    public void Write_NoHeader_DataStartsOnRowOne()
    {
        // Arrange
        var bytes = XlsxWriter.ToBytes(Sheet("invoices", [], ["INV-1", 5m]));

        // Act
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var rows = Xml(zip, "xl/worksheets/sheet1.xml").Descendants(Main + "row").ToList();

        // Assert
        var row = Assert.Single(rows);
        Assert.Equal("1", (string?)row.Attribute("r"));
        Assert.Equal("A1", (string?)row.Elements().First().Attribute("r"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("sheet[1]")]
    [InlineData("a-name-that-is-longer-than-31-chars")]
    public void Write_InvalidSheetName_Throws(string name)
    {
        // Act & Assert
        Assert.Throws<ArgumentException>(() => XlsxWriter.ToBytes(Sheet(name, ["a"])));
    }

    [Fact]
    public void Write_SameNameTwiceInAnyCase_Throws()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => XlsxWriter.ToBytes(Sheet("Payers", ["a"]), Sheet("payers", ["a"])));

        // Assert
        Assert.Contains("payers", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(51, "AZ")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_Index_SpreadsheetLetters(int index, string expected)
    {
        // Act
        var name = XlsxWriter.ColumnName(index);

        // Assert
        Assert.Equal(expected, name);
    }

    private static XlsxSheet Sheet(string name, string[] header, params XlsxCell[][] rows) => new(name, header, rows);

    private static XDocument Xml(ZipArchive zip, string entry)
    {
        using var stream = zip.GetEntry(entry)!.Open();
        return XDocument.Load(stream);
    }

    private static List<object?[]> ReadAll(IExcelDataReader reader)
    {
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
