namespace Allometry.Adapters.Ledger.Writing;

using System.Text;

/// <summary>
/// RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted (with doubled quotes) when it
/// holds a comma, a quote, a line break or leading/trailing whitespace. UTF-8 without BOM.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc4180"/>
internal static class CsvTableWriter
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void Write(Stream output, XlsxSheet table)
    {
        using var writer = new StreamWriter(output, Utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        if (table.Header.Count > 0)
        {
            WriteRow(writer, [.. table.Header.Select(XlsxCell.FromText)]);
        }
        foreach (var row in table.Rows)
        {
            WriteRow(writer, row);
        }
    }

    public static string Field(string value)
    {
        var quote = value.Length > 0
            && (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void WriteRow(StreamWriter writer, IReadOnlyList<XlsxCell> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(Field(cells[i].ToString()));
        }
        writer.WriteLine();
    }
}
