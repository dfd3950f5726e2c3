namespace Allometry.Core.Diagnostics;

/// <summary>How much a diagnostic report shows and over which period its metrics are computed.</summary>
public sealed record DiagnosticOptions
{
    /// <summary>The files the ledger was read from, as the report names them (file names, not paths).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <value>10 — findings listed with their evidence.</value>
    public int TopItems { get; init; } = 10;

    /// <value>5 — findings listed under each topic (retainage, deposits, variances, linked entities).</value>
    public int ItemsPerSection { get; init; } = 5;

    /// <value>10 — payers in the aging table, largest open balance first.</value>
    public int TopPayers { get; init; } = 10;

    /// <value>8 — groups in the exposure chart, largest open balance first.</value>
    public int TopGroups { get; init; } = 8;

    /// <summary>The sales period of DSO and CEI, ending on the as-of date.</summary>
    /// <value>90 days (a quarter).</value>
    public int SalesPeriodDays { get; init; } = 90;

    public static DiagnosticOptions Default { get; } = new();
}
