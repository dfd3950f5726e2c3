namespace Allometry.Adapters.Ledger.Workbook;

using System.Globalization;
using Allometry.Adapters.Ledger.Tabular;
using Allometry.Adapters.Ledger.Values;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// Typed cell getters over one data row at a time. Each getter reports a bad cell to the batch's
/// issues (file, sheet, row, column as the file writes it, the raw value) and marks the row as
/// failed; a mapper returns its record only when <see cref="Ok"/> is still true. Required getters
/// return a placeholder on failure so a mapper can read every column and report every problem.
/// </summary>
internal sealed class RowReader(SheetPlan plan, string? dateFormat, ImportIssueCollector issues)
{
    private TabularRow _row = new(0, []);

    /// <summary>False once any cell or rule of the current row failed: the row is skipped.</summary>
    public bool Ok { get; private set; } = true;

    public RowRef Source => new(plan.SourceIndex, _row.Number);

    public void Load(TabularRow row)
    {
        _row = row;
        Ok = true;
    }

    /// <summary>True when the sheet has the column at all (an absent optional column is not a blank cell).</summary>
    public bool HasColumn(string column) => plan.Columns.Has(column);

    /// <summary>The trimmed text of a cell, or null when the column is absent or the cell blank.</summary>
    public string? Text(string column) =>
        plan.Columns.TryFind(column, out var index, out _) ? _row.Cell(index) : null;

    public string RequiredText(string column) => Text(column) ?? Missing(column, "");

    /// <summary>Reads a required cell with <paramref name="read"/>; a blank cell is RequiredValueMissing.</summary>
    public T Required<T>(string column, Func<string, T?> read) where T : struct =>
        Text(column) is null ? Missing(column, default(T)) : read(column) ?? default;

    /// <summary>A <c>;</c>-separated list, trimmed, blanks dropped.</summary>
    public IReadOnlyList<string> List(string column) =>
        Text(column)?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    public decimal? Amount(string column) =>
        Parse<decimal>(column, static (string s, out decimal v) => AmountParser.TryParseMoney(s, out v), ImportIssueCode.InvalidAmount);

    public decimal RequiredAmount(string column) => Required(column, Amount);

    public decimal? Percentage(string column) =>
        Parse<decimal>(column, PercentageParser.TryParse, ImportIssueCode.InvalidPercentage);

    public bool? Boolean(string column) => Parse<bool>(column, BooleanParser.TryParse, ImportIssueCode.InvalidBoolean);

    public int? Integer(string column) =>
        Parse<int>(column, static (string s, out int v) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v), ImportIssueCode.InvalidInteger);

    public Province? Province(string column) => Parse<Province>(column, LedgerTokens.TryProvince, ImportIssueCode.InvalidProvince);

    public Province RequiredProvince(string column) => Required(column, Province);

    public Language? Language(string column) => Parse<Language>(column, LedgerTokens.TryLanguage, ImportIssueCode.InvalidLanguage);

    public string? Currency(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        if (LedgerTokens.TryCurrency(text, out var currency)) return currency;
        Fail(ImportIssueCode.InvalidCurrency, column);
        return null;
    }

    public TEnum? Choice<TEnum>(string column) where TEnum : struct, Enum
    {
        var text = Text(column);
        if (text is null) return null;
        if (LedgerTokens.TryExactCode<TEnum>(text, out var value) || LedgerVocabulary.TryParse(text, out value)) return value;
        Fail(ImportIssueCode.InvalidChoice, column, string.Join(", ", LedgerVocabulary.AllCodes<TEnum>()));
        return null;
    }

    public TEnum RequiredChoice<TEnum>(string column) where TEnum : struct, Enum => Required(column, Choice<TEnum>);

    public DateOnly? Date(string column)
    {
        var text = Text(column);
        if (text is null) return null;
        var outcome = DateParser.Parse(text, dateFormat);
        switch (outcome.Status)
        {
            case DateParseStatus.Parsed:
                return outcome.Value;
            case DateParseStatus.Ambiguous:
                Fail(ImportIssueCode.AmbiguousDate, column, Iso(outcome.Value), Iso(outcome.Alternative));
                return null;
            default:
                Fail(ImportIssueCode.InvalidDate, column);
                return null;
        }
    }

    public DateOnly RequiredDate(string column) => Required(column, Date);

    /// <summary>Reports a problem with <paramref name="column"/> of the current row and marks the row failed.</summary>
    public void Fail(ImportIssueCode code, string column, params string[] args)
    {
        Ok = false;
        plan.Columns.TryFind(column, out _, out var header);
        issues.Add(ImportIssue.Error(code, new ImportLocation(plan.File, plan.Name, _row.Number, header), Text(column), args));
    }

    /// <summary>Invariant two-decimal text for amounts in messages ("1234.50").</summary>
    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private delegate bool TryParser<T>(string text, out T value);

    private T? Parse<T>(string column, TryParser<T> parser, ImportIssueCode code) where T : struct
    {
        var text = Text(column);
        if (text is null) return null;
        if (parser(text, out var value)) return value;
        Fail(code, column);
        return null;
    }

    private T Missing<T>(string column, T placeholder)
    {
        Fail(ImportIssueCode.RequiredValueMissing, column);
        return placeholder;
    }
}
