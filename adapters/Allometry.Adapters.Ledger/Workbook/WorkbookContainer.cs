namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Adapters.Ledger.Tabular;
using Allometry.Core.Imports;

/// <summary>
/// The sheets of a ledger workbook, from one .xlsx or a folder of <c>&lt;sheet&gt;.csv</c>
/// files, matched to the contract's sheet names. Sheets are opened only far enough to know
/// their names (and, for CSV, encoding and delimiter); rows are read later, lazily.
/// </summary>
internal sealed class WorkbookContainer
{
    private WorkbookContainer(string displayName) => DisplayName = displayName;

    /// <summary>What messages call the whole input: the .xlsx file name or the folder name.</summary>
    public string DisplayName { get; }

    /// <summary>Contract sheet name → its sheet. Sheets that could not be opened are absent.</summary>
    public Dictionary<string, TabularSheet> Sheets { get; } = new(StringComparer.Ordinal);

    /// <summary>Contract sheets that exist but could not be opened (their error is already reported).</summary>
    public HashSet<string> Broken { get; } = new(StringComparer.Ordinal);

    /// <summary>Every sheet name as the input spells it, for "sheets found: …".</summary>
    public List<string> Found { get; } = [];

    public static bool IsFolder(string path) => Directory.Exists(path);

    public static bool IsXlsx(string path) =>
        File.Exists(path) && string.Equals(Path.GetExtension(path), ".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The names of the sheets in <paramref name="path"/> without reading any row; empty when it is not a workbook.</summary>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        if (IsFolder(path))
        {
            return [.. CsvFiles(path).Select(Path.GetFileNameWithoutExtension).OfType<string>()];
        }
        if (!IsXlsx(path)) return [];
        using var file = TabularFile.Open(path);
        return [.. file.Sheets.Select(s => s.Name)];
    }

    /// <summary>Opens <paramref name="path"/>; unusable containers throw, per-sheet problems go to <paramref name="issues"/>.</summary>
    public static WorkbookContainer Open(string path, ImportIssueCollector issues)
    {
        if (IsFolder(path))
        {
            var container = new WorkbookContainer(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)));
            foreach (var csv in CsvFiles(path))
            {
                container.AddCsv(csv, issues);
            }
            return container;
        }
        var shown = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new LedgerImportException([ImportIssue.Error(ImportIssueCode.FileNotFound, new ImportLocation(shown), path)]);
        }
        if (!IsXlsx(path))
        {
            throw new LedgerImportException([ImportIssue.Error(ImportIssueCode.UnsupportedFormat, new ImportLocation(shown), null)]);
        }
        var workbook = new WorkbookContainer(shown);
        using var file = TabularFile.Open(path);
        foreach (var sheet in file.Sheets)
        {
            workbook.Add(sheet.Name, shown, issues, () => sheet);
        }
        return workbook;
    }

    private void AddCsv(string path, ImportIssueCollector issues)
    {
        var shown = Path.GetFileName(path);
        Add(Path.GetFileNameWithoutExtension(path), shown, issues, () =>
        {
            // The file is only sniffed here; each row sequence reopens it, so nothing stays open.
            using var file = TabularFile.Open(path, shown);
            return file.Sheets[0];
        });
    }

    private void Add(string name, string file, ImportIssueCollector issues, Func<TabularSheet> open)
    {
        Found.Add(name);
        var contract = WorkbookLayout.SheetFor(name);
        if (contract is null || Sheets.ContainsKey(contract) || Broken.Contains(contract))
        {
            issues.Add(ImportIssue.Warning(ImportIssueCode.UnknownSheet, new ImportLocation(file, name), null, name));
            return;
        }
        try
        {
            var sheet = open();
            Sheets[contract] = new TabularSheet(sheet.File, contract, sheet.Rows);
        }
        catch (LedgerImportException e)
        {
            // An empty optional sheet is a template nobody filled in: the sheet is simply absent.
            var ignorable = !LedgerSheets.Required.Contains(contract) && e.Issues.All(i => i.Code == ImportIssueCode.EmptyFile);
            if (!ignorable) Broken.Add(contract);
            foreach (var issue in e.Issues)
            {
                var located = issue with { Location = issue.Location with { Sheet = contract } };
                issues.Add(ignorable ? located with { Severity = ImportSeverity.Warning } : located);
            }
        }
    }

    private static IEnumerable<string> CsvFiles(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => string.Equals(Path.GetExtension(f), ".csv", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
}
