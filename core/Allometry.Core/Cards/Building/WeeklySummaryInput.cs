namespace Allometry.Core.Cards.Building;

using Allometry.Core.Aging;

/// <summary>Everything a weekly summary shows: this week's totals, last week's (null on the first week), and the lists.</summary>
public sealed record WeeklySummaryInput
{
    public required DateOnly WeekEnding { get; init; }
    public required WeeklyTotals Totals { get; init; }
    /// <summary>The totals stored a week earlier; null says "first week" instead of a delta.</summary>
    public WeeklyTotals? Previous { get; init; }
    public required AgingAmounts Aging { get; init; }
    /// <value>CAD.</value>
    public string Currency { get; init; } = "CAD";
    /// <summary>Linked groups by open balance, largest first ("Groupe Laval (3 entities)", amount).</summary>
    public IReadOnlyList<(string Name, decimal Amount)> TopGroups { get; init; } = [];
    /// <summary>Service contracts renewing in the next 60 days.</summary>
    public IReadOnlyList<(string ContractId, string PayerName, DateOnly RenewalDate, decimal AnnualFee)> Renewals { get; init; } = [];
    /// <summary>People's actions on exceptions during the week, per kind code ("snoozed", 4).</summary>
    public IReadOnlyList<(string Kind, int Count)> ActionsTaken { get; init; } = [];
    /// <summary>Exceptions snoozed three times or more.</summary>
    public IReadOnlyList<(long ExceptionId, string TitleEn, string TitleFr, int Snoozes)> Stuck { get; init; } = [];
}
