namespace Allometry.Core.Postgres.Imports.Staging;

using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// Writes one sheet's records into a binary COPY, one value at a time, in the column order of its
/// <see cref="LedgerTable{T}"/>. On the way it checks what the database would otherwise reject
/// without saying where (empty ids, amounts with more than two decimals, bad currency codes) and
/// reports it at the record's row and column; and it feeds a digest of the content.
/// </summary>
/// <remarks>
/// Values are written with the synchronous <see cref="NpgsqlBinaryImporter.Write{T}(T, NpgsqlDbType)"/>:
/// it only fills Npgsql's buffer and flushes when full, while an await per value costs more than
/// the value itself on a million-row sheet.
/// </remarks>
internal sealed class StagingRow
{
    private const decimal MaxMoney = 999_999_999_999.99m;

    private readonly LedgerBatch _batch;
    private readonly ContentDigest _digest;
    private NpgsqlBinaryImporter? _copy;
    private RowRef _source;

    public StagingRow(LedgerBatch batch, ContentDigest digest)
    {
        _batch = batch;
        _digest = digest;
    }

    /// <summary>False once an error was found: the rest is still read (to report every problem) but no longer sent.</summary>
    /// <remarks>Refreshed once per row (the reader reports its errors between rows); the collector takes a lock.</remarks>
    public bool Sending { get; private set; } = true;

    public void Attach(NpgsqlBinaryImporter copy)
    {
        _copy = copy;
        Sending = !_batch.Issues.HasErrors;
    }

    public void Start(RowRef source)
    {
        _source = source;
        Sending = Sending && !_batch.Issues.HasErrors;
        if (Sending)
        {
            _copy!.StartRow();
            Put(source.SourceIndex, NpgsqlDbType.Integer);
            Put(source.Row, NpgsqlDbType.Integer);
        }
    }

    /// <summary>A mandatory id: not empty, not padded.</summary>
    public void Id(string? value, string column)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Report(ImportIssueCode.RequiredValueMissing, column, value);
            Null();
            return;
        }
        Text(value.Trim());
    }

    /// <summary>An optional id: blank means none.</summary>
    public void OptionalId(string? value) => Text(string.IsNullOrWhiteSpace(value) ? null : value.Trim());

    public void RequiredText(string? value, string column)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Report(ImportIssueCode.RequiredValueMissing, column, value);
        }
        Text(value);
    }

    public void Text(string? value)
    {
        _digest.Add(value);
        if (!Sending) return;
        if (value is null) _copy!.WriteNull();
        else Put(value, NpgsqlDbType.Text);
    }

    public void TextList(IReadOnlyList<string>? values)
    {
        var array = values is null ? [] : values as string[] ?? [.. values];
        _digest.Add(array.Length);
        foreach (var v in array) _digest.Add(v);
        if (Sending) Put(array, NpgsqlDbType.Array | NpgsqlDbType.Text);
    }

    public void Date(DateOnly value)
    {
        _digest.Add(value.DayNumber);
        if (Sending) Put(value, NpgsqlDbType.Date);
    }

    public void Date(DateOnly? value)
    {
        if (value is { } v) Date(v);
        else Null();
    }

    public void Money(decimal value, string column)
    {
        if (decimal.Round(value, 2) != value || Math.Abs(value) > MaxMoney)
        {
            Report(ImportIssueCode.InvalidAmount, column, value.ToString(CultureInfo.InvariantCulture));
        }
        _digest.Add(value, 2);
        if (Sending) Put(value, NpgsqlDbType.Numeric);
    }

    public void Money(decimal? value, string column)
    {
        if (value is { } v) Money(v, column);
        else Null();
    }

    public void Percentage(decimal? value, string column)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        if (v < 0 || v > 100 || decimal.Round(v, 4) != v)
        {
            Report(ImportIssueCode.InvalidPercentage, column, v.ToString(CultureInfo.InvariantCulture));
        }
        _digest.Add(v, 4);
        if (Sending) Put(v, NpgsqlDbType.Numeric);
    }

    public void Integer(int? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        _digest.Add(v);
        if (Sending) Put(v, NpgsqlDbType.Integer);
    }

    public void Boolean(bool? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        _digest.Add(v ? 1 : 0);
        if (Sending) Put(v, NpgsqlDbType.Boolean);
    }

    public void Code<TEnum>(TEnum value) where TEnum : struct, Enum => Text(LedgerVocabulary.ToCode(value));

    public void Code<TEnum>(TEnum? value) where TEnum : struct, Enum => Text(value is { } v ? LedgerVocabulary.ToCode(v) : null);

    public void Currency(string? value, string column)
    {
        if (value is null || value.Length != 3 || !value.All(char.IsAsciiLetterUpper))
        {
            Report(ImportIssueCode.InvalidCurrency, column, value);
        }
        Text(value);
    }

    private void Null()
    {
        _digest.AddNull();
        if (Sending) _copy!.WriteNull();
    }

    private void Put<TValue>(TValue value, NpgsqlDbType type) => _copy!.Write(value, type);

    private void Report(ImportIssueCode code, string column, string? value)
    {
        _batch.Issues.Add(ImportIssue.Error(code, _batch.Locate(_source, column), value));
        Sending = false;
    }
}

/// <summary>
/// SHA-256 over the values of an import in a canonical form (amounts to the cent, dates as day
/// numbers), so the same ledger read from .xlsx or .csv, or with reordered columns, digests alike.
/// Values are gathered in a buffer and hashed in blocks: hashing a few bytes at a time is slow.
/// </summary>
internal sealed class ContentDigest : IDisposable
{
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
        var scaled = Math.Abs(value) < 1e20m ? decimal.Round(value * (decimals == 2 ? 100m : 10_000m), 0) : value;
        decimal.GetBits(scaled, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(_buffer.AsSpan(_used, 16)));
        _used += 16;
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
