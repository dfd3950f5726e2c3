namespace Allometry.Adapters.Ledger.Aging;

using Allometry.Adapters.Ledger.Tabular;
using Allometry.Adapters.Ledger.Values;
using Allometry.Core.Imports;

/// <summary>
/// Decides an export's as-of date: the one its preamble prints (the buckets were computed
/// against it), else the one the caller gives. Without either the export cannot be aged:
/// <see cref="ImportIssueCode.AgingAsOfMissing"/>.
/// </summary>
internal static class AgingAsOf
{
    public static DateOnly Resolve(
        string file, AgingLayout layout, IReadOnlyList<TabularRow> rows, string? dayMonthOrder, LedgerReadOptions options, ImportIssueCollector issues)
    {
        var finding = AgingAsOfReader.Find(rows.Take(layout.HeaderRow), dayMonthOrder);
        if (finding is { Outcome.Status: DateParseStatus.Parsed })
        {
            var printed = finding.Outcome.Value;
            if (options.AsOf is DateOnly given && given != printed)
            {
                issues.Add(ImportIssue.Warning(ImportIssueCode.AgingAsOfDiffers, new ImportLocation(file, layout.Kind, finding.Row.Number),
                    finding.Text, AgingReadContext.Iso(printed), AgingReadContext.Iso(given)));
            }
            return printed;
        }
        if (options.AsOf is DateOnly fallback) return fallback;

        var errors = new List<ImportIssue>();
        if (finding is not null)
        {
            errors.Add(ImportIssue.Error(ImportIssueCode.AmbiguousDate, new ImportLocation(file, layout.Kind, finding.Row.Number), finding.Text,
                AgingReadContext.Iso(finding.Outcome.Value), AgingReadContext.Iso(finding.Outcome.Alternative)));
        }
        errors.Add(ImportIssue.Error(ImportIssueCode.AgingAsOfMissing, new ImportLocation(file, layout.Kind), null));
        throw new LedgerImportException(errors);
    }
}
