namespace Allometry.Adapters.Ledger.Writing;

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

/// <summary>
/// Writes a minimal SpreadsheetML (.xlsx) package by hand: content types, package and workbook
/// relationships, the workbook and one worksheet per sheet. Text is written as inline strings
/// (<c>t="inlineStr"</c>), numbers as plain numeric cells; there is no shared-string table and
/// no style part, which Excel and ExcelDataReader both accept. Output is byte-for-byte
/// deterministic: fixed entry order, fixed entry timestamps, no generated ids.
/// Tests use it to build broken workbooks (odd headers, text in amount columns, missing sheets).
/// </summary>
/// <seealso href="https://learn.microsoft.com/en-us/office/open-xml/spreadsheet/structure-of-a-spreadsheetml-document"/>
internal static class XlsxWriter
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    /// <summary>Zip's earliest representable time: entries carry it instead of the clock.</summary>
    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        NewLineHandling = NewLineHandling.None,
    };

    /// <summary>Writes the sheets, in order, as one workbook to <paramref name="output"/> (left open).</summary>
    /// <exception cref="ArgumentException">A sheet name is empty, longer than 31 characters, uses <c>[]:*?/\</c> or repeats.</exception>
    public static void Write(Stream output, params IReadOnlyList<XlsxSheet> sheets)
    {
        CheckNames(sheets);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", x => ContentTypes(x, sheets.Count));
        Part(zip, "_rels/.rels", x => Relationships(x, [("rId1", RelNs + "/officeDocument", "xl/workbook.xml")], PackageRelNs));
        Part(zip, "xl/workbook.xml", x => Workbook(x, sheets));
        Part(zip, "xl/_rels/workbook.xml.rels", x => Relationships(x,
            [.. sheets.Select((_, i) => ($"rId{i + 1}", RelNs + "/worksheet", $"worksheets/sheet{i + 1}.xml"))], PackageRelNs));
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            Part(zip, $"xl/worksheets/sheet{i + 1}.xml", x => Worksheet(x, sheet));
        }
    }

    /// <summary>The workbook as bytes, for tests and fixtures.</summary>
    public static byte[] ToBytes(params IReadOnlyList<XlsxSheet> sheets)
    {
        using var buffer = new MemoryStream();
        Write(buffer, sheets);
        return buffer.ToArray();
    }

    /// <summary>The column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    private static void CheckNames(IReadOnlyList<XlsxSheet> sheets)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            if (string.IsNullOrEmpty(sheet.Name) || sheet.Name.Length > 31 || sheet.Name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0)
            {
                throw new ArgumentException($"'{sheet.Name}' is not a valid worksheet name.", nameof(sheets));
            }
            if (!seen.Add(sheet.Name))
            {
                throw new ArgumentException($"The worksheet name '{sheet.Name}' is used twice.", nameof(sheets));
            }
        }
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTimestamp;
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter x, int sheetCount)
    {
        x.WriteStartElement("Types", ContentTypesNs);
        Default(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(x, "xml", "application/xml");
        Override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (var i = 1; i <= sheetCount; i++)
        {
            Override(x, $"/xl/worksheets/sheet{i}.xml", WorksheetType);
        }
        x.WriteEndElement();

        static void Default(XmlWriter x, string extension, string type)
        {
            x.WriteStartElement("Default", ContentTypesNs);
            x.WriteAttributeString("Extension", extension);
            x.WriteAttributeString("ContentType", type);
            x.WriteEndElement();
        }

        static void Override(XmlWriter x, string part, string type)
        {
            x.WriteStartElement("Override", ContentTypesNs);
            x.WriteAttributeString("PartName", part);
            x.WriteAttributeString("ContentType", type);
            x.WriteEndElement();
        }
    }

    private static void Relationships(XmlWriter x, IReadOnlyList<(string Id, string Type, string Target)> relationships, string ns)
    {
        x.WriteStartElement("Relationships", ns);
        foreach (var (id, type, target) in relationships)
        {
            x.WriteStartElement("Relationship", ns);
            x.WriteAttributeString("Id", id);
            x.WriteAttributeString("Type", type);
            x.WriteAttributeString("Target", target);
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    private static void Workbook(XmlWriter x, IReadOnlyList<XlsxSheet> sheets)
    {
        x.WriteStartElement("workbook", MainNs);
        x.WriteAttributeString("xmlns", "r", null, RelNs);
        x.WriteStartElement("sheets", MainNs);
        for (var i = 0; i < sheets.Count; i++)
        {
            x.WriteStartElement("sheet", MainNs);
            x.WriteAttributeString("name", sheets[i].Name);
            x.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("id", RelNs, $"rId{i + 1}");
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Worksheet(XmlWriter x, XlsxSheet sheet)
    {
        x.WriteStartElement("worksheet", MainNs);
        x.WriteStartElement("sheetData", MainNs);
        var row = 0;
        if (sheet.Header.Count > 0)
        {
            Row(x, ++row, [.. sheet.Header.Select(XlsxCell.FromText)]);
        }
        foreach (var cells in sheet.Rows)
        {
            Row(x, ++row, cells);
        }
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Row(XmlWriter x, int number, IReadOnlyList<XlsxCell> cells)
    {
        var r = number.ToString(CultureInfo.InvariantCulture);
        x.WriteStartElement("row", MainNs);
        x.WriteAttributeString("r", r);
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            if (cell.IsEmpty) continue;
            x.WriteStartElement("c", MainNs);
            x.WriteAttributeString("r", ColumnName(c) + r);
            if (cell.Number is { } value)
            {
                x.WriteElementString("v", MainNs, value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                x.WriteAttributeString("t", "inlineStr");
                x.WriteStartElement("is", MainNs);
                x.WriteStartElement("t", MainNs);
                if (cell.Text!.Length > 0 && (char.IsWhiteSpace(cell.Text[0]) || char.IsWhiteSpace(cell.Text[^1])))
                {
                    x.WriteAttributeString("xml", "space", null, "preserve");
                }
                x.WriteString(cell.Text);
                x.WriteEndElement();
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }
}
