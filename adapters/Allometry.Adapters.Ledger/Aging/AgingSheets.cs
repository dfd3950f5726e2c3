namespace Allometry.Adapters.Ledger.Aging;

using System.Text;
using Allometry.Adapters.Ledger.Tabular;

/// <summary>
/// The sheets of an export, in the order they are tried for a layout, each a re-readable row
/// stream. A CSV report's first line is its company name, so the delimiter the tabular layer
/// sniffs from that line may be wrong (a fr-CA semicolon export): after the file's own sheets,
/// the text is split again with each usual delimiter.
/// </summary>
internal static class AgingSheets
{
    private const int SniffBytes = 64 * 1024;
    private static readonly char[] Delimiters = [';', ',', '\t'];

    public static IEnumerable<Func<IEnumerable<TabularRow>>> Candidates(TabularFile file, string path)
    {
        foreach (var sheet in file.Sheets)
        {
            yield return sheet.Rows;
        }
        if (Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)) yield break;
        var encoding = SniffEncoding(path);
        foreach (var delimiter in Delimiters)
        {
            yield return () => Split(path, encoding, delimiter);
        }
    }

    /// <summary>The first candidate whose first rows hold a known header, read whole; null when none does.</summary>
    public static (List<TabularRow> Rows, AgingLayout Layout)? Locate(TabularFile file, string path)
    {
        foreach (var candidate in Candidates(file, path))
        {
            if (AgingLayoutDetector.Detect([.. candidate().Take(AgingLayoutDetector.ScanRows)]) is { } layout)
            {
                return ([.. candidate()], layout);
            }
        }
        return null;
    }

    private static IEnumerable<TabularRow> Split(string path, Encoding encoding, char delimiter)
    {
        using var text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var reader = new CsvRecordReader(text, delimiter);
        var number = 0;
        while (reader.Read() is { } record)
        {
            yield return new TabularRow(++number, record);
        }
    }

    // Same rule as the tabular layer: UTF-8 (BOM or not) when the bytes are valid UTF-8, else Windows-1252.
    private static Encoding SniffEncoding(string path)
    {
        var buffer = new byte[SniffBytes];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        var head = buffer.AsSpan(0, read);
        if (read == SniffBytes) head = head[..CompleteLength(head)];
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(head);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    // A window cut in the middle of a multi-byte character must not count as invalid UTF-8.
    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= 3 && back <= bytes.Length; back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0xC0) return bytes.Length - back;
            if ((b & 0x80) == 0) break;
        }
        return bytes.Length;
    }
}
