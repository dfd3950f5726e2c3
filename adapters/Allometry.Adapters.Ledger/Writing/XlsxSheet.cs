namespace Allometry.Adapters.Ledger.Writing;

/// <summary>
/// A worksheet to write: its name, a header row (none when empty) and the data rows, which are
/// enumerated once, while the sheet is written.
/// </summary>
internal sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<XlsxCell>> Rows);
