namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Adapters.Ledger.Tabular;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// Reads the ledger workbook of shared/brief/import-format.md: one .xlsx whose sheets carry the
/// contract's names, or a folder of <c>&lt;sheet&gt;.csv</c> files. The container, the sheet
/// names, every header and the <c>meta</c> sheet are checked when <see cref="Read"/> is called;
/// problems there reject the whole input. Data rows are read lazily, once, as each sequence of
/// the batch is enumerated: a bad row is reported to <see cref="LedgerBatch.Issues"/> and skipped.
/// </summary>
public sealed class LedgerWorkbookSource : ILedgerSource
{
    private static readonly string[] DataRequired = [LedgerSheets.Payers, LedgerSheets.Invoices];

    /// <summary>True for a folder holding <c>meta.csv</c>, <c>payers.csv</c> or <c>invoices.csv</c>, or an .xlsx with one of those sheets.</summary>
    public bool CanRead(string path)
    {
        try
        {
            return WorkbookContainer.SheetNames(path).Any(name => WorkbookLayout.SheetFor(name) is { } sheet && LedgerSheets.Required.Contains(sheet));
        }
        catch (Exception e) when (e is LedgerImportException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public LedgerBatch Read(string path, LedgerReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var issues = new ImportIssueCollector();
        var container = WorkbookContainer.Open(path, issues);

        foreach (var missing in LedgerSheets.Required.Where(s => !container.Sheets.ContainsKey(s) && !container.Broken.Contains(s)))
        {
            var found = container.Found.Count == 0 ? "-" : string.Join(", ", container.Found);
            issues.Add(ImportIssue.Error(ImportIssueCode.MissingSheet, new ImportLocation(container.DisplayName, missing), null, missing, found));
        }

        var plans = new Dictionary<string, SheetPlan>(StringComparer.Ordinal);
        var sources = new List<SourceSheet>();
        foreach (var name in LedgerSheets.All.Where(container.Sheets.ContainsKey))
        {
            if (Plan(container.Sheets[name], name, sources.Count, issues) is { } plan)
            {
                plans[name] = plan;
                sources.Add(new SourceSheet(plan.File, name));
            }
        }

        // A meta sheet without its key or value column has already been reported; reading it would only add noise.
        var meta = plans.TryGetValue(LedgerSheets.Meta, out var metaPlan) && metaPlan.Columns.Has("key") && metaPlan.Columns.Has("value")
            ? MetaSheetReader.Read(metaPlan, options, issues)
            : null;
        if (issues.HasErrors || meta is null)
        {
            throw new LedgerImportException(issues.Issues);
        }

        var format = meta.DateFormat;
        SheetPlan? P(string sheet) => plans.GetValueOrDefault(sheet);
        return new LedgerBatch
        {
            Meta = meta,
            Sources = sources,
            PresentSheets = new HashSet<string>(plans.Keys, StringComparer.Ordinal),
            Issues = issues,
            Payers = Rows(P(LedgerSheets.Payers), format, issues, PayerRowMapper.Map),
            EntityLinks = Rows(P(LedgerSheets.EntityLinks), format, issues, EntityLinkRowMapper.Map),
            Projects = Rows(P(LedgerSheets.Projects), format, issues, ProjectRowMapper.Map),
            Deliveries = Rows(P(LedgerSheets.Deliveries), format, issues, DeliveryRowMapper.Map),
            Quotes = Rows(P(LedgerSheets.Quotes), format, issues, QuoteRowMapper.Map),
            Invoices = Rows(P(LedgerSheets.Invoices), format, issues, r => InvoiceRowMapper.Map(r, meta)),
            Payments = Rows(P(LedgerSheets.Payments), format, issues, PaymentRowMapper.Map),
            PaymentApplications = Rows(P(LedgerSheets.PaymentApplications), format, issues, PaymentApplicationRowMapper.Map),
            Retainage = Rows(P(LedgerSheets.Retainage), format, issues, RetainageRowMapper.Map),
            ServiceContracts = Rows(P(LedgerSheets.ServiceContracts), format, issues, ServiceContractRowMapper.Map),
            Promises = Rows(P(LedgerSheets.Promises), format, issues, PromiseRowMapper.Map),
            BankTransactions = Rows(P(LedgerSheets.BankTransactions), format, issues, BankTransactionRowMapper.Map),
        };
    }

    // Reads the header (the first non-blank row) and, for sheets that must hold data, looks ahead
    // for one data row; a million-row sheet is not read here beyond that.
    private static SheetPlan? Plan(TabularSheet sheet, string name, int sourceIndex, ImportIssueCollector issues)
    {
        var required = LedgerSheets.Required.Contains(name);
        TabularRow? header;
        bool hasData;
        try
        {
            header = sheet.Rows().FirstOrDefault(r => !r.IsBlank);
            hasData = header is not null && (!DataRequired.Contains(name) || sheet.Rows().Any(r => r.Number > header.Number && !r.IsBlank));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Xml.XmlException or ExcelDataReader.Exceptions.ExcelReaderException)
        {
            issues.Add(ImportIssue.Error(ImportIssueCode.UnreadableFile, new ImportLocation(sheet.File, name), null, sheet.File));
            return null;
        }

        if (header is null)
        {
            var at = new ImportLocation(sheet.File, name);
            issues.Add(required ? ImportIssue.Error(ImportIssueCode.EmptySheet, at, null) : ImportIssue.Warning(ImportIssueCode.EmptySheet, at, null));
            return null;
        }
        var columns = HeaderMap.Build(header, WorkbookLayout.Sheets[name], sheet.File, name, issues);
        if (!hasData)
        {
            issues.Add(ImportIssue.Error(ImportIssueCode.NoDataRows, new ImportLocation(sheet.File, name, header.Number), null));
        }
        return new SheetPlan(sheet, name, sourceIndex, columns, header.Number);
    }

    private static IEnumerable<T> Rows<T>(SheetPlan? plan, string? dateFormat, ImportIssueCollector issues, Func<RowReader, T?> map)
        where T : class
    {
        if (plan is null) yield break;
        var reader = new RowReader(plan, dateFormat, issues);
        foreach (var row in plan.Sheet.Rows())
        {
            if (row.Number <= plan.HeaderRow || row.IsBlank) continue;
            reader.Load(row);
            if (map(reader) is { } record) yield return record;
        }
    }
}
