namespace Allometry.Adapters.Ledger.Workbook;

using System.Collections.Frozen;
using Allometry.Adapters.Ledger.Tabular;
using Allometry.Core.Imports;

/// <summary>
/// Where each contract column sits in one sheet, built from its header row. Unknown headers are
/// warnings (never silently used); a duplicate or a missing required column is an error that
/// rejects the whole input before any row is read.
/// </summary>
internal sealed class HeaderMap
{
    // Frozen: looked up for every cell of every row.
    private readonly FrozenDictionary<string, (int Index, string Header)> _columns;

    private HeaderMap(Dictionary<string, (int Index, string Header)> columns) => _columns = columns.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True when the sheet has the column (under its contract name or an alias).</summary>
    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The cell index of <paramref name="column"/> and the header as the file writes it, or false when absent.</summary>
    public bool TryFind(string column, out int index, out string header)
    {
        if (_columns.TryGetValue(column, out var found))
        {
            (index, header) = found;
            return true;
        }
        (index, header) = (-1, column);
        return false;
    }

    /// <summary>Reads <paramref name="header"/> against <paramref name="layout"/>, reporting every problem to <paramref name="issues"/>.</summary>
    public static HeaderMap Build(TabularRow header, IReadOnlyList<WorkbookColumn> layout, string file, string sheet, ImportIssueCollector issues)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in layout)
        {
            byName[column.Name] = column.Name;
            foreach (var alias in column.Aliases)
            {
                byName[WorkbookLayout.Normalize(alias)] = column.Name;
            }
        }

        var columns = new Dictionary<string, (int Index, string Header)>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cell(i);
            if (text is null) continue;
            var at = new ImportLocation(file, sheet, header.Number, text);
            if (!byName.TryGetValue(WorkbookLayout.Normalize(text), out var name))
            {
                issues.Add(ImportIssue.Warning(ImportIssueCode.UnknownColumn, at, text, text));
            }
            else if (!columns.TryAdd(name, (i, text)))
            {
                issues.Add(ImportIssue.Error(ImportIssueCode.DuplicateColumn, at, text, name));
            }
        }

        foreach (var column in layout.Where(c => c.Required && !columns.ContainsKey(c.Name)))
        {
            issues.Add(ImportIssue.Error(ImportIssueCode.MissingColumn, new ImportLocation(file, sheet, header.Number, column.Name), null, column.Name));
        }
        return new HeaderMap(columns);
    }
}
