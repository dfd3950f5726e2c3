namespace Allometry.Core.Ledger;

/// <summary>
/// Where a record was read: an index into <see cref="Imports.LedgerBatch.Sources"/> (file + sheet)
/// and the 1-based row number as a person sees it in a spreadsheet (the header is row 1).
/// Kept as two ints so a million-row load does not carry a million strings.
/// </summary>
public readonly record struct RowRef(int SourceIndex, int Row)
{
    /// <summary>A record made in code (sample generator, tests) rather than read from a file.</summary>
    public static RowRef None => new(-1, 0);
}
