namespace Allometry.Adapters.Ledger.Tests.Workbook;

using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

/// <summary>
/// Writes a minimal SpreadsheetML workbook by hand, the way Excel stores typed cells: plain
/// invariant decimals as numbers, <c>yyyy-MM-dd</c> texts as date serials with a date format,
/// everything else as inline strings. Enough to check that an .xlsx reads like the same CSV.
/// </summary>
internal static class XlsxBuilder
{
    private static readonly DateTime Epoch = new(1899, 12, 30);

    public static void Write(string path, IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<string?>> Rows)> sheets)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", ContentTypes(sheets.Count));
        Entry(zip, "_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/workbook.xml", WorkbookXml(sheets));
        Entry(zip, "xl/_rels/workbook.xml.rels", WorkbookRels(sheets.Count));
        Entry(zip, "xl/styles.xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        for (var i = 0; i < sheets.Count; i++)
        {
            Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", SheetXml(sheets[i].Rows));
        }
    }

    /// <summary>Every <c>.csv</c> of a folder as a sheet named after the file, cells split as the CSV reader splits them.</summary>
    public static void FromCsvFolder(string folder, string path)
    {
        var sheets = Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal)
            .Select(f =>
            {
                using var file = Ledger.Tabular.TabularFile.Open(f);
                IReadOnlyList<IReadOnlyList<string?>> rows = [.. file.Sheets[0].Rows().Select(r => r.Cells)];
                return (Path.GetFileNameWithoutExtension(f), rows);
            })
            .ToList();
        Write(path, sheets);
    }

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name).Open();
        var bytes = new UTF8Encoding(false).GetBytes(xml);
        stream.Write(bytes);
    }

    private static string ContentTypes(int sheetCount)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 1; i <= sheetCount; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }
        return sb.Append("</Types>").ToString();
    }

    private static string WorkbookXml(IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<string?>> Rows)> sheets)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (var i = 0; i < sheets.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<sheet name="{SecurityElement.Escape(sheets[i].Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        }
        return sb.Append("</sheets></workbook>").ToString();
    }

    private static string WorkbookRels(int sheetCount)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= sheetCount; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }
        sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        return sb.Append("</Relationships>").ToString();
    }

    private static string SheetXml(IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (var r = 0; r < rows.Count; r++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<row r="{r + 1}">""");
            for (var c = 0; c < rows[r].Count; c++)
            {
                var text = rows[r][c];
                if (string.IsNullOrEmpty(text)) continue;
                sb.Append(Cell($"{ColumnName(c)}{r + 1}", text, header: r == 0));
            }
            sb.Append("</row>");
        }
        return sb.Append("</sheetData></worksheet>").ToString();
    }

    private static string Cell(string reference, string text, bool header)
    {
        if (!header && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var serial = (date - Epoch).TotalDays.ToString(CultureInfo.InvariantCulture);
            return $"""<c r="{reference}" s="1"><v>{serial}</v></c>""";
        }
        if (!header && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return $"""<c r="{reference}"><v>{text}</v></c>""";
        }
        return $"""<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{SecurityElement.Escape(text)}</t></is></c>""";
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }
}
