namespace Allometry.Adapters.Ledger.Aging;

using Allometry.Core.Localization;

/// <summary>The date an export ages balances from.</summary>
internal enum AgingBasis
{
    /// <summary>Days past the due date (QuickBooks, Zoho Books by default).</summary>
    DueDate,
    /// <summary>Days since the invoice date (Sage Accounting).</summary>
    InvoiceDate,
}

/// <summary>One bucket column of a summary export.</summary>
internal sealed record BucketColumn(int Index, string Header, AgingInterval Interval);

/// <summary>
/// What <see cref="AgingLayoutDetector"/> found: which export this is, where its header row is,
/// and which column holds what.
/// </summary>
/// <param name="Kind">One of <see cref="AgingLayoutKinds"/>; becomes the batch's source sheet name.</param>
/// <param name="IsDetail">One line per document (detail) rather than per customer (summary).</param>
/// <param name="Basis">The date the buckets count days from.</param>
/// <param name="HeaderRow">The header's position in the sheet's row list (0-based).</param>
/// <param name="Headers">The header cells as printed, for error locations.</param>
/// <param name="Columns">Where each non-bucket column is.</param>
/// <param name="Buckets">The bucket columns of a summary, left to right; empty for a detail export.</param>
/// <param name="UnknownColumns">Headed columns nothing reads: reported as warnings.</param>
/// <param name="Language">French when the headers are.</param>
internal sealed record AgingLayout(
    string Kind,
    bool IsDetail,
    AgingBasis Basis,
    int HeaderRow,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<AgingColumnRole, int> Columns,
    IReadOnlyList<BucketColumn> Buckets,
    IReadOnlyList<int> UnknownColumns,
    Language Language)
{
    public int? Column(AgingColumnRole role) => Columns.TryGetValue(role, out var index) ? index : null;

    /// <summary>The printed header of a column, or a neutral name when the header cell is blank.</summary>
    public string HeaderOf(int index) =>
        index < Headers.Count && !string.IsNullOrWhiteSpace(Headers[index]) ? Headers[index].Trim() : $"#{index + 1}";
}

/// <summary>The layouts this adapter reads; each names the batch's source sheet.</summary>
internal static class AgingLayoutKinds
{
    public const string QboSummary = "qbo-aging-summary";
    public const string QboDetail = "qbo-aging-detail";
    public const string ZohoSummary = "zoho-aging-summary";
    public const string ZohoDetails = "zoho-aging-details";
    public const string SageSummary = "sage-aged-receivables";
}
