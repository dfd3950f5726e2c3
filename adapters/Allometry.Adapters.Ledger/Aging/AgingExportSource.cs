namespace Allometry.Adapters.Ledger.Aging;

using Allometry.Adapters.Ledger.Tabular;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;

/// <summary>
/// Reads a native AR aging export, .csv or .xlsx, as the operator downloaded it:
/// <list type="bullet">
/// <item>QuickBooks Online A/R Aging Summary (<c>Customer | Current | 1 - 30 | 31 - 60 | 61 - 90 | 91 and over | Total</c>;
/// QuickBooks Desktop's <c>&gt;90</c>; French <c>Client | Courant | 1 à 30 | … | Plus de 90 | Total</c>);</item>
/// <item>QuickBooks Online A/R Aging Detail (<c>Date | Transaction Type | Num | Customer | Due Date | Amount | Open Balance</c>,
/// French <c>Date | Type de transaction | N° | Client | Date d'échéance | Montant | Solde ouvert</c>);</item>
/// <item>Zoho Books AR Aging Summary (<c>Customer Name, Current, 1-15 Days, …, &gt; 45 Days, Total</c>, any intervals)
/// and AR Aging Details (<c>Date, Transaction#, Type, Status, Customer Name, Age, Amount, Balance Due</c>);</item>
/// <item>Sage Accounting (Canada) aged receivables (<c>&lt; 30 days, &lt; 60 days, &lt; 90 days, &lt; 120 days, Older</c>),
/// aged by invoice date (<see href="https://help.sbc.sage.com/en-ca/accounting/reporting/financial-reports/extra-aged-debtors-report.html"/>).</item>
/// </list>
/// The header row is found among the first 30 rows; the preamble before it (company, title,
/// <c>As of November 20, 2026</c> / <c>Au 20 novembre 2026</c>) gives the as-of date, else
/// <see cref="LedgerReadOptions.AsOf"/>. Total rows are checked against the lines, not imported;
/// footers are skipped. The batch holds <c>payers</c> (one per customer name, id <c>c-&lt;slug&gt;</c>)
/// and <c>invoices</c> (one per detail line, or one synthetic invoice per summary cell: see
/// <see cref="AgingSummaryReader"/>); its only source's sheet names the layout (e.g. <c>qbo-aging-summary</c>).
/// The file is read whole on <see cref="Read"/>: exports are reports, not ledgers, and checking
/// their totals and date format needs every line.
/// </summary>
public sealed class AgingExportSource : ILedgerSource
{
    /// <inheritdoc />
    public bool CanRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path) || !TabularFile.IsSupported(path)) return false;
        try
        {
            using var file = TabularFile.Open(path);
            return AgingSheets.Candidates(file, path)
                .Any(rows => AgingLayoutDetector.Detect([.. rows().Take(AgingLayoutDetector.ScanRows)]) is not null);
        }
        catch (LedgerImportException)
        {
            // Unreadable or empty: not an export this source can read; Read would say why.
            return false;
        }
    }

    /// <inheritdoc />
    public LedgerBatch Read(string path, LedgerReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var shown = Path.GetFileName(path);
        using var file = TabularFile.Open(path);

        var (rows, layout) = AgingSheets.Locate(file, path) ?? throw new LedgerImportException(
            [ImportIssue.Error(ImportIssueCode.AgingLayoutNotRecognized, new ImportLocation(shown, file.Sheets.FirstOrDefault()?.Name), null)]);
        var issues = new ImportIssueCollector();
        var dayMonthOrder = DayMonthOrder.Infer(DateTexts(rows, layout));
        var asOf = AgingAsOf.Resolve(shown, layout, rows, dayMonthOrder, options, issues);
        var context = new AgingReadContext(shown, layout, asOf, dayMonthOrder, issues);

        foreach (var unknown in layout.UnknownColumns)
        {
            issues.Add(ImportIssue.Warning(ImportIssueCode.UnknownColumn, context.At(rows[layout.HeaderRow], unknown), null, layout.HeaderOf(unknown)));
        }
        var payers = new AgingPayerBook();
        var invoices = new List<Invoice>();
        if (layout.IsDetail)
        {
            AgingDetailReader.Read(context, rows, payers, invoices);
        }
        else
        {
            AgingSummaryReader.Read(context, rows, payers, invoices);
        }

        return new LedgerBatch
        {
            Meta = new LedgerMeta { AsOf = asOf, Tenant = options.Tenant, Language = layout.Language },
            Sources = [new SourceSheet(shown, layout.Kind)],
            PresentSheets = new HashSet<string>(StringComparer.Ordinal) { LedgerSheets.Payers, LedgerSheets.Invoices },
            Issues = issues,
            Payers = payers.Payers,
            Invoices = invoices,
        };
    }

    // The preamble (for "As of 11/20/2026") and the detail date columns reveal the file's day/month order.
    private static IEnumerable<string?> DateTexts(List<TabularRow> rows, AgingLayout layout)
    {
        var dateColumns = new[] { layout.Column(AgingColumnRole.Date), layout.Column(AgingColumnRole.DueDate) }.OfType<int>().ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i < layout.HeaderRow)
            {
                foreach (var cell in rows[i].Cells) yield return cell;
            }
            else if (i > layout.HeaderRow)
            {
                foreach (var c in dateColumns) yield return rows[i].Cell(c);
            }
        }
    }
}
