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
        // The delimiter is the character that splits the most lines into the same number of
        // fields: a report's title line ("Borealis, inc.") or fr-CA amounts ("1 234,56") put
        // commas into a semicolon file, but never consistently.
        var lines = text.Split('\n', 21).Take(20).Where(l => l.Trim().Length > 0).ToList();
        var delimiter = Consistency(lines, ';').CompareTo(Consistency(lines, ',')) > 0 ? ';' : ',';
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

    // (lines sharing the most common non-zero count, that count): more agreeing lines win,
    // then more fields per line.
    private static (int Lines, int Fields) Consistency(List<string> lines, char delimiter)
    {
        var mode = lines.Select(l => Count(l, delimiter)).Where(n => n > 0)
            .GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).FirstOrDefault();
        return mode is null ? (0, 0) : (mode.Count(), mode.Key);
    }
}
