namespace Allometry.Core.Postgres.Imports.Staging;

using System.Globalization;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// Writes one sheet's records into a binary COPY, one value at a time, in the column order of its
/// <see cref="LedgerTable{T}"/>. On the way it checks what the database would otherwise reject
/// without saying where (empty ids, amounts with more than two decimals, bad currency codes) and
/// reports it at the record's row and column; and it feeds a digest of the content.
/// </summary>
/// <remarks>
/// Values go to a <see cref="BinaryCopyEncoder"/> in their typed wire form (no per-value type
/// resolution, no boxing); text is encoded to UTF-8 once, for the COPY and the digest alike.
/// </remarks>
internal sealed class StagingRow
{
    private const decimal MaxMoney = 999_999_999_999.99m;

    private readonly LedgerBatch _batch;
    private readonly ContentDigest _digest;
    private BinaryCopyEncoder? _copy;
    private short _fields;
    private RowRef _source;

    public StagingRow(LedgerBatch batch, ContentDigest digest)
    {
        _batch = batch;
        _digest = digest;
    }

    /// <summary>False once an error was found: the rest is still read (to report every problem) but no longer sent.</summary>
    /// <remarks>Refreshed once per row (the reader reports its errors between rows); the collector takes a lock.</remarks>
    public bool Sending { get; private set; } = true;

    /// <summary>Starts writing rows of <paramref name="columns"/> data columns (plus the source index and row) into <paramref name="copy"/>.</summary>
    public void Attach(BinaryCopyEncoder copy, int columns)
    {
        _copy = copy;
        _fields = (short)(columns + 2);
        Sending = !_batch.Issues.HasErrors;
    }

    public void Start(RowRef source)
    {
        _source = source;
        Sending = Sending && !_batch.Issues.HasErrors;
        if (Sending)
        {
            _copy!.StartRow(_fields);
            _copy.Int32(source.SourceIndex);
            _copy.Int32(source.Row);
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
        if (value is null)
        {
            Null();
        }
        else if (Sending)
        {
            _digest.AddUtf8(_copy!.Text(value));
        }
        else
        {
            _digest.Add(value);
        }
    }

    public void TextList(IReadOnlyList<string>? values)
    {
        var array = values is null ? [] : values as string[] ?? [.. values];
        _digest.Add(array.Length);
        foreach (var v in array) _digest.Add(v);
        if (Sending) _copy!.TextArray(array);
    }

    public void Date(DateOnly value)
    {
        _digest.Add(value.DayNumber);
        if (Sending) _copy!.Date(value);
    }

    public void Date(DateOnly? value)
    {
        if (value is { } v) Date(v);
        else Null();
    }

    public void Money(decimal value, string column)
    {
        // Up to two decimals of scale nothing can be lost to rounding (the usual case: no Round).
        if ((value.Scale > 2 && decimal.Round(value, 2) != value) || Math.Abs(value) > MaxMoney)
        {
            Report(ImportIssueCode.InvalidAmount, column, value.ToString(CultureInfo.InvariantCulture));
        }
        _digest.Add(value, 2);
        if (Sending) _copy!.Numeric(value);
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
        if (Sending) _copy!.Numeric(v);
    }

    public void Integer(int? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        _digest.Add(v);
        if (Sending) _copy!.Int32(v);
    }

    public void Boolean(bool? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        _digest.Add(v ? 1 : 0);
        if (Sending) _copy!.Boolean(v);
    }

    public void Code<TEnum>(TEnum value) where TEnum : struct, Enum => Text(LedgerVocabulary.ToCode(value));

    public void Code<TEnum>(TEnum? value) where TEnum : struct, Enum => Text(value is { } v ? LedgerVocabulary.ToCode(v) : null);

    public void Currency(string? value, string column)
    {
        if (value is null || value.Length != 3 || value.AsSpan().ContainsAnyExceptInRange('A', 'Z'))
        {
            Report(ImportIssueCode.InvalidCurrency, column, value);
        }
        Text(value);
    }

    private void Null()
    {
        _digest.AddNull();
        if (Sending) _copy!.Null();
    }

    private void Report(ImportIssueCode code, string column, string? value)
    {
        _batch.Issues.Add(ImportIssue.Error(code, _batch.Locate(_source, column), value));
        Sending = false;
    }
}
