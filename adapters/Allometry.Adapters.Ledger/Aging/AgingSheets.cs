namespace Allometry.Adapters.Ledger.Aging;

using System.Text;
using Allometry.Adapters.Ledger.Tabular;

/// <summary>
/// The sheets of an export, each as a list of rows, in the order they are tried for a layout.
/// A CSV report's first line is its company name, so the delimiter the tabular layer sniffs
/// from that line may be wrong (a fr-CA semicolon export): when no sheet shows a known header,
/// the text is split again with each usual delimiter.
/// </summary>
internal static class AgingSheets
{
    private static readonly char[] Delimiters = [';', ',', '\t'];

    /// <summary>Candidate sheets; <paramref name="rowLimit"/> caps the rows read from each (for sniffing).</summary>
    public static IEnumerable<List<TabularRow>> Candidates(TabularFile file, string path, int? rowLimit = null)
    {
        foreach (var sheet in file.Sheets)
        {
            yield return Take(sheet.Rows(), rowLimit);
        }
        if (!Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var text = Decode(File.ReadAllBytes(path));
            foreach (var delimiter in Delimiters)
            {
                yield return Take(Split(text, delimiter), rowLimit);
            }
        }
    }

    private static List<TabularRow> Take(IEnumerable<TabularRow> rows, int? limit) =>
        limit is int n ? [.. rows.Take(n)] : [.. rows];

    private static IEnumerable<TabularRow> Split(string text, char delimiter)
    {
        var reader = new CsvRecordReader(new StringReader(text), delimiter);
        var number = 0;
        while (reader.Read() is { } record)
        {
            yield return new TabularRow(++number, record);
        }
    }

    // Same rule as the tabular layer: UTF-8 (BOM or not) when the bytes are valid UTF-8, else Windows-1252.
    private static string Decode(byte[] bytes)
    {
        var body = bytes.AsSpan();
        if (body.StartsWith(Encoding.UTF8.Preamble)) body = body[Encoding.UTF8.Preamble.Length..];
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(body);
        }
    }
}
