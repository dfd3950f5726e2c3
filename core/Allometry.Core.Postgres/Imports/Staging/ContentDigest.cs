namespace Allometry.Core.Postgres.Imports.Staging;

using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// SHA-256 over the values of an import in a canonical form (amounts to the cent, dates as day
/// numbers), so the same ledger read from .xlsx or .csv, or with reordered columns, digests alike.
/// Values are gathered in a buffer and hashed in blocks: hashing a few bytes at a time is slow.
/// </summary>
internal sealed class ContentDigest : IDisposable
{
    // Below 10^15 a mantissa times 10^4 still fits a ulong (and stays far below 1e20).
    private const ulong MaxScalable = 999_999_999_999_999;
    private static readonly ulong[] PowersOf10 = [1, 10, 100, 1000, 10_000];

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;

    public void AddNull() => Add(-1);

    public void Add(int value)
    {
        Reserve(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    /// <summary>An amount to a fixed number of decimals, so 1.5 and 1.50 digest alike.</summary>
    public void Add(decimal value, int decimals)
    {
        Reserve(16);
        Canonical(value, decimals, MemoryMarshal.Cast<byte, int>(_buffer.AsSpan(_used, 16)));
        _used += 16;
    }

    /// <summary>
    /// The digested form of an amount: the bits of <c>round(value × 10^decimals)</c>. A nonzero
    /// value already at or below that scale is scaled by integer multiplication, which gives the
    /// same bits as the decimal arithmetic without it.
    /// </summary>
    internal static void Canonical(decimal value, int decimals, Span<int> bits)
    {
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (bits[2] == 0 && mantissa != 0 && scale <= decimals && mantissa <= MaxScalable)
        {
            var scaled = mantissa * PowersOf10[decimals - scale];
            bits[0] = (int)(uint)scaled;
            bits[1] = (int)(uint)(scaled >> 32);
            bits[3] &= int.MinValue;
            return;
        }
        var rounded = Math.Abs(value) < 1e20m ? decimal.Round(value * (decimals == 2 ? 100m : 10_000m), 0) : value;
        decimal.GetBits(rounded, bits);
    }

    /// <summary>The same bytes as <see cref="Add(string?)"/> for a string whose UTF-8 encoding is <paramref name="utf8"/>.</summary>
    public void AddUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length + 4 > _buffer.Length)
        {
            Flush();
            Add(utf8.Length);
            Flush();
            _hash.AppendData(utf8);
            return;
        }
        Reserve(utf8.Length + 4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_used + 4));
        _used += utf8.Length + 4;
    }

    public void Add(string? value)
    {
        if (value is null)
        {
            AddNull();
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max + 4 > _buffer.Length)
        {
            Flush();
            var bytes = Encoding.UTF8.GetBytes(value);
            Add(bytes.Length);
            Flush();
            _hash.AppendData(bytes);
            return;
        }
        Reserve(max + 4);
        var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 4));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), written);
        _used += written + 4;
    }

    /// <summary>Marks the start of a sheet so the same rows under another sheet digest differently.</summary>
    public void Sheet(string name) => Add("\u0001sheet:" + name);

    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

    private void Reserve(int bytes)
    {
        if (_used + bytes > _buffer.Length) Flush();
    }

    private void Flush()
    {
        if (_used == 0) return;
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
