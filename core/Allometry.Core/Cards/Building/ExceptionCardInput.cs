namespace Allometry.Core.Cards.Building;

using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// What <see cref="ExceptionCardBuilder"/> needs of a stored exception: its content, its status and
/// the people's state (snooze, escalation, re-route, assignment). The store's record maps onto it
/// one field for one field; core stays free of the database.
/// </summary>
public sealed record ExceptionCardInput
{
    public required long ExceptionId { get; init; }
    /// <summary>The version the card quotes back with every action (optimistic concurrency).</summary>
    public required int Version { get; init; }
    public required string RuleId { get; init; }
    public required Severity Severity { get; init; }
    public required decimal AmountAtRisk { get; init; }
    /// <value>CAD.</value>
    public string Currency { get; init; } = "CAD";
    public required LocalizedText Title { get; init; }
    public required LocalizedText Detail { get; init; }
    public required LocalizedText SuggestedAction { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
    /// <value>Open.</value>
    public ExceptionStatus Status { get; init; } = ExceptionStatus.Open;
    public string? PayerId { get; init; }
    /// <summary>The payer's name for the facts; the id is shown when null.</summary>
    public string? PayerName { get; init; }
    public string? ProjectId { get; init; }
    public DateOnly? SnoozedUntil { get; init; }
    public string? SnoozeReason { get; init; }
    public string? EscalatedTo { get; init; }
    public string? EscalationNote { get; init; }
    public string? ReroutedPayerId { get; init; }
    public string? AssignedTo { get; init; }
    public string? DismissedReason { get; init; }
    public DateOnly? FirstSeenOn { get; init; }
}
