namespace Allometry.Adapters.Ledger.Tabular;

using Allometry.Core.Imports;

/// <summary>
/// Opens a .csv or .xlsx file as named sheets of text cells. A CSV file is one sheet named after
/// the file (without extension). Unreadable input throws <see cref="LedgerImportException"/>.
/// </summary>
internal sealed class TabularFile : IDisposable
{
    private readonly IDisposable? _owner;

    private TabularFile(IReadOnlyList<TabularSheet> sheets, IDisposable? owner)
    {
        Sheets = sheets;
        _owner = owner;
    }

    public IReadOnlyList<TabularSheet> Sheets { get; }

    public static bool IsSupported(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".xlsx" or ".txt";

    /// <summary>Opens <paramref name="path"/>; <paramref name="displayName"/> is what error messages call it.</summary>
    public static TabularFile Open(string path, string? displayName = null)
    {
        var shown = displayName ?? Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw Reject(ImportIssueCode.FileNotFound, shown, path);
        }
        if (new FileInfo(path).Length == 0)
        {
            throw Reject(ImportIssueCode.EmptyFile, shown, null);
        }
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" => XlsxSheets.Open(path, shown),
            _ => new TabularFile([CsvSheet.Open(path, shown)], null),
        };
    }

    internal static TabularFile FromXlsx(IReadOnlyList<TabularSheet> sheets, IDisposable owner) => new(sheets, owner);

    internal static LedgerImportException Reject(ImportIssueCode code, string file, string? value, params string[] args) =>
        new([ImportIssue.Error(code, new ImportLocation(file), value, args)]);

    public void Dispose() => _owner?.Dispose();
}
