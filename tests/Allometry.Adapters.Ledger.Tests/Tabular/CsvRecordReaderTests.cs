namespace Allometry.Adapters.Ledger.Tests.Tabular;

using System.Text;
using Allometry.Adapters.Ledger.Tabular;

/// <summary>
/// The block tokenizer against the char-by-char reader it replaced (kept here as
/// <see cref="ReferenceCsvRecordReader"/>): same records for any text, wherever the blocks split it.
/// </summary>
public sealed class CsvRecordReaderTests
{
    [Theory]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\nc,d")]
    [InlineData("a,b\rc,d\r")]
    [InlineData("\"a,b\",\"c\"\"d\"\n")]
    [InlineData("\"unterminated,\nquote")]
    [InlineData("\"\",\"\"\"\",x\"y\"z")]
    [InlineData("\"ab\"cd,e\n")]
    [InlineData("\"\" \"x\",\n")]
    [InlineData("a,\n\n,b,\n")]
    [InlineData(",")]
    [InlineData("\n")]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("\"\"\"")]
    [InlineData("a\r")]
    [InlineData("\"a\"\r\n\"b\"")]
    public void Read_Samples_SameRecordsAsReference(string text)
    {
        foreach (var block in (int[])[1, 2, 3, 7, 4096])
        {
            Assert.Equal(Reference(text, ','), Records(text, ',', block));
        }
    }

    [Fact]
    public void Read_RandomText_SameRecordsAsReferenceForAnyBlockSize()
    {
        var random = new Random(4180);
        const string alphabet = "ab;,\"\"\r\n  é";
        for (var n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            var delimiter = random.Next(2) == 0 ? ',' : ';';

            var expected = Reference(text, delimiter);

            Assert.Equal(expected, Records(text, delimiter, random.Next(1, 9)));
            Assert.Equal(expected, Records(text, delimiter, 1 << 16));
        }
    }

    [Fact]
    public void Read_FieldLongerThanTheBlock_ReadWhole()
    {
        var longField = new string('x', 200_000);
        var quoted = new string('"', 2) + new string('y', 150_000);
        var text = $"a,{longField},b\n\"{quoted}\",c\n";

        var records = Records(text, ',', 1 << 16);

        Assert.Equal(Reference(text, ','), records);
        Assert.Equal(200_000, records[0][1].Length);
    }

    [Fact]
    public void Read_ThroughStreamReader_SameRecordsAsReference()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("INV-").Append(i).Append(",\"Lévis, \"\"Nord\"\"\ninc.\",1234.56,,2026-11-20\r\n");
        }
        var bytes = Encoding.UTF8.GetBytes(builder.ToString());

        var actual = Read(new CsvRecordReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), ',').Read);

        Assert.Equal(Read(new ReferenceCsvRecordReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), ',').Read), actual);
        Assert.Equal(20_000, actual.Count);
    }

    private static List<List<string>> Reference(string text, char delimiter) =>
        Read(new ReferenceCsvRecordReader(new StringReader(text), delimiter).Read);

    private static List<List<string>> Records(string text, char delimiter, int block) =>
        Read(new CsvRecordReader(new TricklingReader(text, block), delimiter).Read);

    private static List<List<string>> Read(Func<List<string>?> next)
    {
        var records = new List<List<string>>();
        while (next() is { } record) records.Add(record);
        return records;
    }

    /// <summary>Hands out at most <c>block</c> chars per read, so records and fields straddle blocks.</summary>
    private sealed class TricklingReader(string text, int block) : TextReader
    {
        private int _pos;

        public override int Peek() => _pos < text.Length ? text[_pos] : -1;

        public override int Read() => _pos < text.Length ? text[_pos++] : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(Math.Min(block, buffer.Length), text.Length - _pos);
            text.AsSpan(_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }
    }
}
