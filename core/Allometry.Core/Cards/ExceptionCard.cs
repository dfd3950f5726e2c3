namespace Allometry.Core.Cards;

using Allometry.Core.Rules;

/// <summary>One exception: what is wrong, how much, why it ranks where it does, and what can be done.</summary>
public sealed record ExceptionCard : Card
{
    public required long ExceptionId { get; init; }
    public required int Version { get; init; }
    public required string RuleId { get; init; }
    public required Severity Severity { get; init; }
    public required string SeverityLabel { get; init; }
    public required string Title { get; init; }
    public required string Detail { get; init; }
    public required string SuggestedAction { get; init; }
    public required decimal AmountAtRisk { get; init; }
    public required string AmountText { get; init; }
    /// <summary>"Snoozed until 2026-11-24 by Marie (waiting for the cheque)", "Escalated to finance"…; null when open and untouched.</summary>
    public string? StatusLine { get; init; }
    public IReadOnlyList<CardFact> Facts { get; init; } = [];
    public decimal? Score { get; init; }
    public string? Tier { get; init; }
    public IReadOnlyList<ScoreFactorView> ScoreFactors { get; init; } = [];
    /// <summary>The rows behind the figure ("INV-10315 · QST expected 149.63, found 157.13").</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}
