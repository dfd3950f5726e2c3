namespace Allometry.Core.Scoring;

/// <summary>
/// How late a payer paid over a window (F2, F3): the payment applications to its invoices received
/// from <see cref="From"/> to <see cref="To"/>, each late by max(0, received on − invoice due date)
/// days and weighted by the applied amount. Stored as sums so the average is recomputed exactly.
/// </summary>
/// <param name="Months">The window's length as the weights define it.</param>
/// <param name="From">First day counted (as-of − <paramref name="Months"/> months).</param>
/// <param name="To">Last day counted (the as-of date).</param>
/// <param name="Applications">How many applications were counted.</param>
/// <param name="AppliedAmount">Σ applied amount (the weights).</param>
/// <param name="DayWeightedAmount">Σ days late × applied amount.</param>
public sealed record LatenessWindow(int Months, DateOnly From, DateOnly To, int Applications, decimal AppliedAmount, decimal DayWeightedAmount)
{
    /// <summary>True when nothing was applied in the window: there is no history to judge by.</summary>
    public bool IsEmpty => AppliedAmount <= 0m;

    /// <summary>The amount-weighted average days late, to the whole day (half away from zero); 0 when empty.</summary>
    public int AverageDaysLate =>
        IsEmpty ? 0 : (int)decimal.Round(DayWeightedAmount / AppliedAmount, 0, MidpointRounding.AwayFromZero);
}
