namespace Allometry.Adapters.Ledger.Aging;

using Allometry.Adapters.Ledger.Tabular;
using Allometry.Core.Localization;

/// <summary>
/// Finds the header row of a native aging export among its first rows (reports open with a
/// company name, a title and an "As of" line) and tells the layouts apart by their headers:
/// <list type="bullet">
/// <item>summary: a customer column and at least two bucket columns (<see cref="AgingIntervalParser"/>);
/// <c>&lt; 30 days</c> / <c>Older</c> buckets mean Sage, buckets counted in days mean Zoho Books,
/// otherwise QuickBooks;</item>
/// <item>detail: date, customer, an open balance or amount, and a number or type column;
/// an <c>Age</c> or <c>Status</c> column means Zoho Books, otherwise QuickBooks.</item>
/// </list>
/// </summary>
internal static class AgingLayoutDetector
{
    /// <summary>How far down a header row may sit.</summary>
    public const int ScanRows = 30;

    public static AgingLayout? Detect(IReadOnlyList<TabularRow> rows)
    {
        for (var i = 0; i < Math.Min(rows.Count, ScanRows); i++)
        {
            if (TryHeader(rows[i], i) is { } layout) return layout;
        }
        return null;
    }

    private static AgingLayout? TryHeader(TabularRow row, int position)
    {
        var headers = row.Cells.Select(c => c?.Trim() ?? "").ToList();
        var columns = new Dictionary<AgingColumnRole, int>();
        var buckets = new List<BucketColumn>();
        var styles = new HashSet<IntervalStyle>();
        var unknown = new List<int>();
        var french = false;
        var daysWritten = false;
        int? previousUpper = null;

        for (var i = 0; i < headers.Count; i++)
        {
            var normalized = AgingText.Normalize(headers[i]);
            if (normalized.Length == 0) continue;
            if (AgingIntervalParser.TryParse(normalized, previousUpper, out var interval, out var style))
            {
                buckets.Add(new BucketColumn(i, headers[i], interval));
                styles.Add(style);
                previousUpper = interval.UpperDays;
                french |= AgingHeaders.IsFrenchBucket(normalized);
                daysWritten |= normalized.Contains("day", StringComparison.Ordinal) || normalized.Contains("jour", StringComparison.Ordinal);
            }
            else if (AgingHeaders.TryGetRole(normalized, out var role, out var isFrench))
            {
                if (!columns.TryAdd(role, i)) unknown.Add(i);
                french |= isFrench;
            }
            else
            {
                unknown.Add(i);
            }
        }

        var language = french ? Language.Fr : Language.En;
        if (buckets.Count >= 2)
        {
            if (!columns.ContainsKey(AgingColumnRole.Customer))
            {
                // QuickBooks leaves the customer column's header blank in its CSV export.
                var blank = Enumerable.Range(0, buckets[0].Index).FirstOrDefault(i => headers[i].Length == 0, -1);
                if (blank < 0) return null;
                columns[AgingColumnRole.Customer] = blank;
            }
            var sage = styles.Contains(IntervalStyle.Under) || styles.Contains(IntervalStyle.Older);
            var kind = sage ? AgingLayoutKinds.SageSummary : daysWritten ? AgingLayoutKinds.ZohoSummary : AgingLayoutKinds.QboSummary;
            return new AgingLayout(kind, IsDetail: false, sage ? AgingBasis.InvoiceDate : AgingBasis.DueDate, position,
                headers, columns, buckets, unknown, language);
        }

        var isDetail = buckets.Count == 0
            && columns.ContainsKey(AgingColumnRole.Date)
            && columns.ContainsKey(AgingColumnRole.Customer)
            && (columns.ContainsKey(AgingColumnRole.Balance) || columns.ContainsKey(AgingColumnRole.Amount))
            && (columns.ContainsKey(AgingColumnRole.Number) || columns.ContainsKey(AgingColumnRole.Type));
        if (!isDetail) return null;
        var zoho = columns.ContainsKey(AgingColumnRole.Age) || columns.ContainsKey(AgingColumnRole.Status);
        return new AgingLayout(zoho ? AgingLayoutKinds.ZohoDetails : AgingLayoutKinds.QboDetail, IsDetail: true, AgingBasis.DueDate,
            position, headers, columns, [], unknown, language);
    }
}
