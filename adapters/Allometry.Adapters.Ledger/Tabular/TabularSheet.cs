namespace Allometry.Adapters.Ledger.Tabular;

/// <summary>
/// A named sheet whose rows are read lazily, once. For an .xlsx the workbook stays open until
/// the owning <see cref="TabularFile"/> is disposed.
/// </summary>
internal sealed class TabularSheet(string file, string name, Func<IEnumerable<TabularRow>> rows)
{
    /// <summary>The file name as given, for error locations.</summary>
    public string File { get; } = file;

    public string Name { get; } = name;

    /// <summary>Every row including the header and blank rows, in order.</summary>
    public IEnumerable<TabularRow> Rows() => rows();
}
