namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Adapters.Ledger.Values;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// The <c>meta</c> sheet, read eagerly: its <c>date_format</c> decides how every other date in
/// the workbook is read. Problems are located at the key's row, with the key as the column.
/// </summary>
internal static class MetaSheetReader
{
    private static readonly HashSet<string> Keys =
    [
        "as_of", "tenant", "currency", "seller_province", "seller_gst_hst_number", "seller_qst_number",
        "seller_pst_registrations", "date_format", "language",
    ];

    /// <summary>The meta of the workbook, or null when an error makes it unusable (already reported).</summary>
    public static LedgerMeta? Read(SheetPlan plan, LedgerReadOptions options, ImportIssueCollector issues)
    {
        var entries = ReadEntries(plan, issues);
        var errorsBefore = issues.ErrorCount;
        string? Get(string key) => entries.TryGetValue(key, out var e) ? e.Value : null;
        void Fail(ImportIssueCode code, string key, params string[] args) =>
            issues.Add(ImportIssue.Error(code, new ImportLocation(plan.File, plan.Name, entries[key].Row, key), entries[key].Value, args));

        var dateFormat = Get("date_format");
        if (dateFormat is not null && !DateParser.IsSupportedFormat(dateFormat))
        {
            Fail(ImportIssueCode.InvalidDateFormat, "date_format");
            dateFormat = null;
        }

        DateOnly? asOf = options.AsOf;
        if (Get("as_of") is { } asOfText)
        {
            var outcome = DateParser.Parse(asOfText, dateFormat);
            asOf = outcome.Status == DateParseStatus.Parsed ? outcome.Value : null;
            if (outcome.Status == DateParseStatus.Ambiguous) Fail(ImportIssueCode.AmbiguousDate, "as_of", RowReader.Iso(outcome.Value), RowReader.Iso(outcome.Alternative));
            if (outcome.Status == DateParseStatus.Invalid) Fail(ImportIssueCode.InvalidDate, "as_of");
        }
        else if (asOf is null)
        {
            var row = entries.TryGetValue("as_of", out var blank) ? blank.Row : (int?)null;
            issues.Add(ImportIssue.Error(ImportIssueCode.RequiredValueMissing, new ImportLocation(plan.File, plan.Name, row, "as_of"), null));
        }

        var currency = "CAD";
        if (Get("currency") is { } currencyText && !LedgerTokens.TryCurrency(currencyText, out currency)) Fail(ImportIssueCode.InvalidCurrency, "currency");

        Province? sellerProvince = null;
        if (Get("seller_province") is { } provinceText)
        {
            if (LedgerTokens.TryProvince(provinceText, out var p)) sellerProvince = p;
            else Fail(ImportIssueCode.InvalidProvince, "seller_province");
        }

        var pst = new List<Province>();
        foreach (var code in Get("seller_pst_registrations")?.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            if (LedgerTokens.TryProvince(code, out var p)) pst.Add(p);
            else Fail(ImportIssueCode.InvalidProvince, "seller_pst_registrations");
        }

        var language = Language.En;
        if (Get("language") is { } languageText && !LedgerTokens.TryLanguage(languageText, out language)) Fail(ImportIssueCode.InvalidLanguage, "language");

        if (asOf is null || issues.ErrorCount > errorsBefore) return null;
        return new LedgerMeta
        {
            AsOf = asOf.Value,
            Tenant = Get("tenant") ?? options.Tenant,
            Currency = currency,
            SellerProvince = sellerProvince,
            SellerGstHstNumber = Get("seller_gst_hst_number"),
            SellerQstNumber = Get("seller_qst_number"),
            SellerPstRegistrations = pst,
            DateFormat = dateFormat,
            Language = language,
        };
    }

    private static Dictionary<string, (int Row, string? Value)> ReadEntries(SheetPlan plan, ImportIssueCollector issues)
    {
        var entries = new Dictionary<string, (int Row, string? Value)>(StringComparer.Ordinal);
        plan.Columns.TryFind("key", out var keyIndex, out var keyHeader);
        plan.Columns.TryFind("value", out var valueIndex, out _);
        foreach (var row in plan.Sheet.Rows())
        {
            if (row.Number <= plan.HeaderRow || row.IsBlank) continue;
            var keyText = row.Cell(keyIndex);
            var value = row.Cell(valueIndex);
            if (keyText is null)
            {
                issues.Add(ImportIssue.Error(ImportIssueCode.RequiredValueMissing, new ImportLocation(plan.File, plan.Name, row.Number, keyHeader), null));
                continue;
            }
            var key = WorkbookLayout.Normalize(keyText);
            if (!Keys.Contains(key))
            {
                issues.Add(ImportIssue.Warning(ImportIssueCode.InvalidMetaKey, new ImportLocation(plan.File, plan.Name, row.Number, keyHeader), keyText, keyText));
            }
            else if (entries.TryGetValue(key, out var first))
            {
                issues.Add(ImportIssue.Error(ImportIssueCode.DuplicateId, new ImportLocation(plan.File, plan.Name, row.Number, keyHeader), keyText,
                    first.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                entries[key] = (row.Number, value);
            }
        }
        return entries;
    }
}
