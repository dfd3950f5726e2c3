namespace Allometry.Core.Postgres.Imports.Staging;

using System.Buffers.Binary;
using System.Text;

/// <summary>
/// Encodes rows in PostgreSQL's binary COPY format into fixed-size chunks handed to an
/// <see cref="ICopyChunkSink"/>: each value as its typed wire form (int4, bool, date, numeric,
/// text, text[]), with no per-value type lookup or boxing. A chunk is handed over when full, so a
/// row may straddle two chunks (COPY data is one byte stream).
/// </summary>
/// <remarks>
/// The encodings are the ones Npgsql writes for the same CLR values (dates at
/// <see cref="DateOnly.MinValue"/>/<see cref="DateOnly.MaxValue"/> become -infinity/infinity,
/// text is strict UTF-8); a test loads the same values both ways and compares what is stored.
/// </remarks>
/// <seealso href="https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4"/>
internal sealed class BinaryCopyEncoder
{
    private const int TextOid = 25;
    private const int NumericHeaderBytes = 8;
    private const ushort NumericNegative = 0x4000;
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly ulong[] PowersOf10 = [1, 10, 100, 1000];

    // "PGCOPY\n\xff\r\n\0"
    private static ReadOnlySpan<byte> Signature => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private readonly ICopyChunkSink _sink;
    private byte[] _chunk;
    private int _used;
    private byte[] _large = [];

    public BinaryCopyEncoder(ICopyChunkSink sink)
    {
        _sink = sink;
        _chunk = sink.Rent();
    }

    /// <summary>The file header: signature, flags (no OIDs), no header extension.</summary>
    public void Header()
    {
        Reserve(19);
        Signature.CopyTo(_chunk.AsSpan(_used));
        _used += 11;
        PutInt32(0);
        PutInt32(0);
    }

    public void StartRow(short fields)
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_chunk.AsSpan(_used), fields);
        _used += 2;
    }

    public void Null()
    {
        Reserve(4);
        PutInt32(-1);
    }

    public void Int32(int value)
    {
        Reserve(8);
        PutInt32(4);
        PutInt32(value);
    }

    public void Boolean(bool value)
    {
        Reserve(5);
        PutInt32(1);
        _chunk[_used++] = value ? (byte)1 : (byte)0;
    }

    public void Date(DateOnly value)
    {
        Reserve(8);
        PutInt32(4);
        PutInt32(value == DateOnly.MaxValue ? int.MaxValue
            : value == DateOnly.MinValue ? int.MinValue
            : value.DayNumber - PostgresEpochDay);
    }

    /// <summary>A numeric: base-10000 digit groups, weight, sign and the decimal's own scale as display scale.</summary>
    public void Numeric(decimal value)
    {
        Span<short> groups = stackalloc short[12];
        var (count, weight, negative, scale) = Groups(value, groups);
        var start = 0;
        while (start < count && groups[start] == 0) start++;
        var digits = count - start;
        Reserve(4 + NumericHeaderBytes + (2 * digits));
        PutInt32(NumericHeaderBytes + (2 * digits));
        PutInt16((short)digits);
        PutInt16((short)(digits == 0 ? 0 : weight));
        PutInt16((short)(negative && digits > 0 ? NumericNegative : 0));
        PutInt16((short)scale);
        for (var i = count - 1; i >= start; i--) PutInt16(groups[i]);
    }

    /// <summary>Writes the text as UTF-8 and returns those bytes (valid until the next write) for the caller to digest.</summary>
    public ReadOnlySpan<byte> Text(string value)
    {
        var max = Utf8.GetMaxByteCount(value.Length);
        if (4 + max <= _chunk.Length)
        {
            Reserve(4 + max);
            var written = Utf8.GetBytes(value, _chunk.AsSpan(_used + 4));
            PutInt32(written);
            var bytes = _chunk.AsSpan(_used, written);
            _used += written;
            return bytes;
        }
        // Longer than a chunk: encode aside, then copy across chunks.
        if (_large.Length < max) _large = new byte[max];
        var length = Utf8.GetBytes(value, _large);
        Reserve(4);
        PutInt32(length);
        Raw(_large.AsSpan(0, length));
        return _large.AsSpan(0, length);
    }

    /// <summary>A one-dimensional text[] (lower bound 1); an empty list is the empty array.</summary>
    public void TextArray(IReadOnlyList<string?> values)
    {
        var payload = 12 + (values.Count == 0 ? 0 : 8);
        var hasNull = false;
        foreach (var v in values)
        {
            payload += 4 + (v is null ? 0 : Utf8.GetByteCount(v));
            hasNull |= v is null;
        }
        Reserve(4 + 20);
        PutInt32(payload);
        PutInt32(values.Count == 0 ? 0 : 1);
        PutInt32(hasNull ? 1 : 0);
        PutInt32(TextOid);
        if (values.Count > 0)
        {
            PutInt32(values.Count);
            PutInt32(1);
        }
        foreach (var v in values)
        {
            if (v is null) Null();
            else Text(v);
        }
    }

    /// <summary>The end-of-data marker.</summary>
    public void Trailer()
    {
        Reserve(2);
        PutInt16(-1);
    }

    /// <summary>Hands over what is buffered.</summary>
    public void Flush()
    {
        if (_used == 0) return;
        _sink.Publish(_chunk, _used);
        _chunk = _sink.Rent();
        _used = 0;
    }

    // Least significant group first; weight is the power of 10000 of the most significant group.
    private static (int Count, int Weight, bool Negative, int Scale) Groups(decimal value, Span<short> groups)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var pad = (4 - (scale % 4)) % 4;
        var fractionGroups = (scale + pad) / 4;
        var count = 0;
        if (bits[2] == 0 && (uint)bits[1] < (1u << 22))
        {
            // Up to 2^54: times 1000 still fits a ulong (every amount a ledger holds).
            var m = (((ulong)(uint)bits[1] << 32) | (uint)bits[0]) * PowersOf10[pad];
            while (m > 0)
            {
                groups[count++] = (short)(m % 10000);
                m /= 10000;
            }
        }
        else
        {
            var m = (((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0]) * PowersOf10[pad];
            while (m > 0)
            {
                groups[count++] = (short)(ulong)(m % 10000);
                m /= 10000;
            }
        }
        return (count, count - fractionGroups - 1, negative, scale);
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            if (_used == _chunk.Length) Flush();
            var n = Math.Min(bytes.Length, _chunk.Length - _used);
            bytes[..n].CopyTo(_chunk.AsSpan(_used));
            _used += n;
            bytes = bytes[n..];
        }
    }

    private void Reserve(int bytes)
    {
        if (_used + bytes > _chunk.Length) Flush();
    }

    private void PutInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_chunk.AsSpan(_used), value);
        _used += 4;
    }

    private void PutInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_chunk.AsSpan(_used), value);
        _used += 2;
    }
}
