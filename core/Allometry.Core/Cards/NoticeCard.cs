namespace Allometry.Core.Cards;

/// <summary>
/// A confirmation ("Snoozed until 2026-11-24"), a refusal ("Only finance can release retainage"),
/// a help text or an error with a reference id that appears in the logs.
/// </summary>
public sealed record NoticeCard : Card
{
    public required NoticeKind Kind { get; init; }
    public required string Title { get; init; }
    public string? Text { get; init; }
    /// <summary>For unexpected errors: the id to quote to support; it is in the logs too.</summary>
    public string? ReferenceId { get; init; }
    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}
