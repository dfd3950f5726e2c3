namespace Allometry.Core.Cards;

using Allometry.Core.Rules;

/// <summary>
/// One line of a morning digest: a single exception, or one roll-up for a project whose several
/// exceptions would otherwise flood the channel ("PRJ-1099 · 3 exceptions · 45 000,00 $").
/// </summary>
public sealed record DigestItem
{
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    public required string AmountText { get; init; }
    public string? Subtitle { get; init; }
    /// <summary>The exceptions behind the line (one, or the project's roll-up).</summary>
    public required IReadOnlyList<long> ExceptionIds { get; init; }
    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}
