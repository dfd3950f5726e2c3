namespace Allometry.Core.Cards;

/// <summary>
/// The executive's weekly exposure summary: total AR, aging buckets, retainage held/due/overdue,
/// deposits at risk, top linked-group exposures, renewals in the next 60 days, week-over-week
/// deltas, actions taken, items snoozed three times or more.
/// </summary>
public sealed record WeeklySummaryCard : Card
{
    public required string Title { get; init; }
    public required DateOnly WeekEnding { get; init; }
    /// <summary>Headline figures with their week-over-week change ("Total AR", "1 043 511,04 $", "+12 300,00 $").</summary>
    public required IReadOnlyList<CardFact> Headlines { get; init; }
    public IReadOnlyList<ChartData> Charts { get; init; } = [];
    /// <summary>Named sections of short lines ("Top group exposures", "Renewals in 60 days", "Stuck: snoozed 3+ times").</summary>
    public IReadOnlyList<CardSection> Sections { get; init; } = [];
    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}
