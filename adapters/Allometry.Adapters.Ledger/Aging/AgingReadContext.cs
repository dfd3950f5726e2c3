namespace Allometry.Adapters.Ledger.Aging;

using System.Globalization;
using Allometry.Adapters.Ledger.Tabular;
using Allometry.Adapters.Ledger.Values;
using Allometry.Core.Imports;

/// <summary>What the layout readers share while reading one export: where they are, the as-of date, and the issue list.</summary>
internal sealed class AgingReadContext(string file, AgingLayout layout, DateOnly asOf, string? dayMonthOrder, ImportIssueCollector issues)
{
    /// <summary>Totals printed by the report may differ from the lines' sum by a rounding cent per column.</summary>
    public const decimal Tolerance = 0.01m;

    public AgingLayout Layout { get; } = layout;

    public DateOnly AsOf { get; } = asOf;

    public ImportIssueCollector Issues { get; } = issues;

    public ImportLocation At(TabularRow row, int? column = null) =>
        new(file, Layout.Kind, row.Number, column is int c ? Layout.HeaderOf(c) : null);

    public void Error(ImportIssueCode code, TabularRow row, int? column, string? value, params string[] args) =>
        Issues.Add(ImportIssue.Error(code, At(row, column), value, args));

    /// <summary>Reads a money cell; blank is zero. An unreadable cell is reported and yields false.</summary>
    public bool TryAmount(TabularRow row, int column, out decimal value)
    {
        value = 0m;
        var text = row.Cell(column);
        if (text is null) return true;
        if (AmountParser.TryParseMoney(text, out value)) return true;
        Error(ImportIssueCode.InvalidAmount, row, column, text);
        return false;
    }

    /// <summary>Reads a date cell with the file's day/month order; blank, invalid and ambiguous dates are reported.</summary>
    public bool TryDate(TabularRow row, int column, out DateOnly value)
    {
        value = default;
        var text = row.Cell(column);
        if (text is null)
        {
            Error(ImportIssueCode.RequiredValueMissing, row, column, null);
            return false;
        }
        var outcome = DayMonthOrder.Parse(text, dayMonthOrder);
        switch (outcome.Status)
        {
            case DateParseStatus.Parsed:
                value = outcome.Value;
                return true;
            case DateParseStatus.Ambiguous:
                Error(ImportIssueCode.AmbiguousDate, row, column, text, Iso(outcome.Value), Iso(outcome.Alternative));
                return false;
            default:
                Error(ImportIssueCode.InvalidDate, row, column, text);
                return false;
        }
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
