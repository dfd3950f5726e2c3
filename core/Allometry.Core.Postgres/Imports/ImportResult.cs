namespace Allometry.Core.Postgres.Imports;

using Allometry.Core.Imports;

/// <summary>What one committed import did to a tenant's ledger.</summary>
public sealed record ImportResult
{
    /// <summary>The journal id (<c>imports.import_id</c>); rows it changed carry it.</summary>
    public required long ImportId { get; init; }

    public required string TenantId { get; init; }

    public required DateOnly AsOf { get; init; }

    /// <summary>Counts per sheet that had rows, in contract order.</summary>
    public required IReadOnlyList<SheetImportCounts> Sheets { get; init; }

    /// <summary>Warnings the reader reported (unknown columns…); errors would have stopped the import.</summary>
    public required IReadOnlyList<ImportIssue> Warnings { get; init; }

    /// <summary>SHA-256 of the imported values in canonical form: equal for the same ledger however it was formatted.</summary>
    public required string ContentSha256 { get; init; }

    public long Read => Sheets.Sum(s => s.Read);

    public long Inserted => Sheets.Sum(s => s.Inserted);

    public long Updated => Sheets.Sum(s => s.Updated);

    /// <summary>True when the import changed no row: the same ledger was imported again.</summary>
    public bool IsUnchanged => Inserted == 0 && Updated == 0;
}
