namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Adapters.Ledger.Tabular;

/// <summary>
/// A sheet whose header has been read and accepted: what a lazy row sequence needs to read its
/// data rows again later.
/// </summary>
/// <param name="Sheet">The tabular sheet; its rows are re-read from the file on enumeration.</param>
/// <param name="Name">The contract sheet name (<c>invoices</c>).</param>
/// <param name="SourceIndex">Index into <c>LedgerBatch.Sources</c> for the records' <c>RowRef</c>.</param>
/// <param name="Columns">Where each contract column sits.</param>
/// <param name="HeaderRow">The header's row number; data starts after it.</param>
internal sealed record SheetPlan(TabularSheet Sheet, string Name, int SourceIndex, HeaderMap Columns, int HeaderRow)
{
    public string File => Sheet.File;
}
