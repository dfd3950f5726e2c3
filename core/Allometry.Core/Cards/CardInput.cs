namespace Allometry.Core.Cards;

/// <summary>
/// An input an action needs: the snooze-until date, a note, a promise amount, a re-route target
/// chosen from the entity graph, a release amount. <see cref="Id"/> is the argument's name in the
/// action's data (<c>until</c>, <c>note</c>, <c>amount</c>, <c>date</c>, <c>payer</c>, <c>reason</c>: the keys ActionArgumentParser reads).
/// </summary>
public sealed record CardInput
{
    public required string Id { get; init; }
    public required CardInputKind Kind { get; init; }
    public required string Label { get; init; }
    public bool Required { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public IReadOnlyList<CardChoice> Choices { get; init; } = [];
}
