namespace Allometry.Core.Diagnostics;

/// <summary>
/// "What this would have caught": the diagnostic a prospect gets back for an AR aging export or
/// a ledger workbook. Pure data, built by <see cref="DiagnosticReportBuilder"/> from a ledger
/// snapshot and one rule evaluation; the renderers (HTML, Markdown, JSON) only format it.
/// </summary>
/// <remarks>
/// Money is exact (<c>decimal</c>, at least two decimals, never rounded away). Figures that the
/// input cannot support are absent with a bilingual reason instead of being guessed: a bare
/// aging export has no sales history, so DSO is not computed and the report says why.
/// The JSON form serializes this record as is; <see cref="SchemaVersion"/> changes when a
/// property is renamed or removed.
/// </remarks>
public sealed record DiagnosticReport
{
    /// <summary>The version of this shape, for readers of the JSON form.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <value>Always <see cref="CurrentSchemaVersion"/> for reports built by this code.</value>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The date every aging, rule and metric is computed as of.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The ledger's currency; every amount of the report is in it.</summary>
    public required string Currency { get; init; }

    /// <summary>What was read: files, kind of input, sheets present, row counts.</summary>
    public required DiagnosticInput Input { get; init; }

    /// <summary>The headline numbers.</summary>
    public required DiagnosticSummary Summary { get; init; }

    /// <summary>Every rule with at least one finding: count and money at risk, largest first.</summary>
    public required IReadOnlyList<RuleTotal> ByRule { get; init; }

    /// <summary>Open receivables by aging bucket, with the largest payers.</summary>
    public required AgingSection Aging { get; init; }

    /// <summary>DSO, best possible DSO, average days delinquent and CEI, where the data allows.</summary>
    public required CollectionMetrics Metrics { get; init; }

    /// <summary>Unreleased retenue / holdback and what the retainage rules found.</summary>
    public required RetainageSection Retainage { get; init; }

    /// <summary>Unpaid deposits and what the deposit rules found.</summary>
    public required DepositSection Deposits { get; init; }

    /// <summary>Quote-to-invoice variances.</summary>
    public required QuoteVarianceSection QuoteVariances { get; init; }

    /// <summary>Open receivables by linked-entity group, and payer changes.</summary>
    public required ExposureSection Exposure { get; init; }

    /// <summary>The most urgent findings (severity, then money at risk) with their evidence.</summary>
    public required IReadOnlyList<DiagnosticItem> TopItems { get; init; }

    /// <summary>Which rules ran, which could not, and which sheet would enable them.</summary>
    public required RuleCoverage Coverage { get; init; }
}
