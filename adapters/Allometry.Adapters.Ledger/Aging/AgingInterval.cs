namespace Allometry.Adapters.Ledger.Aging;

/// <summary>
/// The days an aging column covers, counted from the report's aging basis (the due date for
/// QuickBooks and Zoho Books, the invoice date for Sage Accounting). <see cref="IsCurrent"/>
/// covers every balance not yet past that date (days ≤ 0).
/// </summary>
/// <param name="LowerDays">The fewest days a balance in this column has; 0 for Current.</param>
/// <param name="UpperDays">The most days, or null for the open-ended last column.</param>
/// <param name="IsCurrent">The column of balances not yet past the basis date.</param>
internal sealed record AgingInterval(int LowerDays, int? UpperDays, bool IsCurrent = false)
{
    public static AgingInterval Current { get; } = new(0, 0, IsCurrent: true);

    /// <summary>A stable, language-neutral name for ids: <c>current</c>, <c>1-30</c>, <c>91-plus</c>.</summary>
    public string Key => IsCurrent ? "current" : UpperDays is int upper ? $"{LowerDays}-{upper}" : $"{LowerDays}-plus";

    /// <summary>True when a balance <paramref name="days"/> past the basis date belongs in this column.</summary>
    public bool Contains(int days) =>
        IsCurrent ? days <= 0 : days >= LowerDays && (UpperDays is not int upper || days <= upper);
}
