namespace Allometry.Adapters.Ledger.Tabular;

using System.Text;
using Allometry.Core.Imports;

/// <summary>
/// A CSV file as one sheet: UTF-8 with or without BOM, Windows-1252 when the bytes are not valid
/// UTF-8 (Excel on Windows still saves that), comma or semicolon detected from the first line.
/// </summary>
internal static class CsvSheet
{
    private const int SniffBytes = 64 * 1024;

    public static TabularSheet Open(string path, string shown)
    {
        var (encoding, delimiter) = Sniff(path, shown);
        var sheetName = Path.GetFileNameWithoutExtension(path);
        return new TabularSheet(shown, sheetName, () => ReadRows(path, encoding, delimiter));
    }

    private static IEnumerable<TabularRow> ReadRows(string path, Encoding encoding, char delimiter)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var records = new CsvRecordReader(reader, delimiter);
        var number = 0;
        while (records.Read() is { } record)
        {
            number++;
            yield return new TabularRow(number, record);
        }
    }

    private static (Encoding Encoding, char Delimiter) Sniff(string path, string shown)
    {
        var buffer = new byte[SniffBytes];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        var head = buffer.AsSpan(0, read);
        if (head.Contains((byte)0))
        {
            throw TabularFile.Reject(ImportIssueCode.UnreadableFile, shown, null, "CSV (text)");
        }
        var encoding = IsValidUtf8(head, read < SniffBytes) ? new UTF8Encoding(false) : Windows1252();
        var text = encoding.GetString(head);
        // Reports open with a title line that has no delimiter at all (or a comma inside a
        // company name): judge by the busiest of the first lines, not by the first one.
        var lines = text.Split('\n', 21).Take(20).ToList();
        var semicolons = lines.Max(l => Count(l, ';'));
        var commas = lines.Max(l => Count(l, ','));
        var delimiter = semicolons > commas ? ';' : ',';
        return (encoding, delimiter);
    }

    // The sniffed window may end in the middle of a multi-byte character: only a complete
    // file must decode cleanly to its last byte.
    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var span = complete ? bytes : bytes[..TrimIncompleteTail(bytes)];
        try
        {
            decoder.GetCharCount(span);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int TrimIncompleteTail(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        for (var back = 1; back <= 3 && back <= bytes.Length; back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0xC0) return bytes.Length - back;
            if ((b & 0x80) == 0) break;
        }
        return end;
    }

    private static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static int Count(string s, char c) => s.Count(x => x == c);
}
