namespace Allometry.Core.Cards;

/// <summary>"Which one did you mean?" — an ambiguous name, or a list of things to pick from.</summary>
public sealed record ChoiceListCard : Card
{
    public required string Prompt { get; init; }
    /// <summary>Each choice carries the action its click performs (usually the question again, resolved).</summary>
    public required IReadOnlyList<CardAction> Choices { get; init; }
}
