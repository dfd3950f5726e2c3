namespace Allometry.Core.Diagnostics;

/// <summary>What kind of input the report was built from, judged by where its invoices came from.</summary>
public enum DiagnosticInputKind
{
    /// <summary>Only aging exports: open items and payers, nothing else.</summary>
    AgingExport,
    /// <summary>A ledger workbook (any number of its sheets).</summary>
    LedgerWorkbook,
    /// <summary>A ledger workbook combined with aging exports.</summary>
    Combined,
}
