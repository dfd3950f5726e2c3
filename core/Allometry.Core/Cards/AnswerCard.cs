namespace Allometry.Core.Cards;

/// <summary>
/// The answer to a question ("what's owed on MR-104?"): the figure exact to the cent, the facts,
/// the rows it is made of, and follow-up actions. Totals reconcile with the cited rows.
/// </summary>
public sealed record AnswerCard : Card
{
    public required string Title { get; init; }
    /// <summary>The headline figure, formatted ("84 337,58 $"); null for answers without one.</summary>
    public string? Headline { get; init; }
    public decimal? HeadlineAmount { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<CardFact> Facts { get; init; } = [];
    public IReadOnlyList<CitedRow> Citations { get; init; } = [];
    /// <summary>How many rows were not listed when the answer was cut for length.</summary>
    public int MoreRows { get; init; }
    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}
