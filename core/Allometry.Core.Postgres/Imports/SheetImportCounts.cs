namespace Allometry.Core.Postgres.Imports;

/// <summary>What an import did with one sheet's rows.</summary>
/// <param name="Sheet">The contract's sheet name (<c>invoices</c>, <c>payers</c>…).</param>
/// <param name="Read">Rows the batch had.</param>
/// <param name="Inserted">Rows new to the tenant.</param>
/// <param name="Updated">Stored rows that changed (their previous version went to history).</param>
public sealed record SheetImportCounts(string Sheet, long Read, long Inserted, long Updated)
{
    /// <summary>Rows identical to the stored ones.</summary>
    public long Unchanged => Read - Inserted - Updated;
}
