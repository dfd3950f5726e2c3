namespace Allometry.Core.Imports;

using Allometry.Core.Localization;

/// <summary>
/// Reads an input (ledger workbook, aging export, later ERP and bank files) into a
/// <see cref="LedgerBatch"/>. Implementations live in adapters.
/// </summary>
public interface ILedgerSource
{
    /// <summary>True when this source recognizes the path (by extension, folder layout or header sniffing).</summary>
    bool CanRead(string path);

    /// <summary>
    /// Opens the input. Problems that make the whole input unusable (missing file, wrong sheets,
    /// missing columns) throw <see cref="LedgerImportException"/>; row-level problems are added to
    /// <see cref="LedgerBatch.Issues"/> while the sequences are enumerated.
    /// </summary>
    LedgerBatch Read(string path, LedgerReadOptions options);
}

/// <summary>Options for reading one input.</summary>
public sealed record LedgerReadOptions
{
    /// <summary>The as-of date when the input does not state it (aging exports often do not).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The tenant the import is for, used when the input does not name one.</summary>
    public string? Tenant { get; init; }

    /// <summary>The language of messages; does not change how values are parsed.</summary>
    public Language Language { get; init; } = Language.En;
}
