namespace Allometry.Core.Cards.Building;

/// <summary>
/// The headline figures of a weekly summary, exact to the cent; stored each week so the next
/// summary's deltas compare with what was reported, not with a recomputation.
/// </summary>
public sealed record WeeklyTotals
{
    public required decimal TotalAr { get; init; }
    public required decimal Overdue { get; init; }
    public required decimal RetainageHeld { get; init; }
    /// <summary>Held retainage whose release is due within 30 days (not yet overdue).</summary>
    public required decimal RetainageDue { get; init; }
    /// <summary>Held retainage whose release date has passed without release.</summary>
    public required decimal RetainageOverdue { get; init; }
    /// <summary>Money at risk on open deposit exceptions.</summary>
    public required decimal DepositsAtRisk { get; init; }
    public required int OpenExceptions { get; init; }
    public required decimal AmountAtRisk { get; init; }
}
