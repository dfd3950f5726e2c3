namespace Allometry.Core.Diagnostics;

/// <summary>What the report was built from.</summary>
/// <param name="Sources">File names as given (empty when the ledger was built in memory).</param>
/// <param name="Kind">Aging export, ledger workbook, or both.</param>
/// <param name="PresentSheets">The sheets of the import contract the input had, in contract order.</param>
/// <param name="Payers">Payers read.</param>
/// <param name="Invoices">Invoice rows read (an aging-summary cell counts as one).</param>
/// <param name="OpenInvoices">Invoices with a non-zero balance that are not void.</param>
/// <param name="Projects">Projects read.</param>
public sealed record DiagnosticInput(
    IReadOnlyList<string> Sources,
    DiagnosticInputKind Kind,
    IReadOnlyList<string> PresentSheets,
    int Payers,
    int Invoices,
    int OpenInvoices,
    int Projects);
