namespace Allometry.Core.Postgres.Exceptions;

using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>An exception as stored: the finding's latest content, its status, the people's state and its dates.</summary>
public sealed record ExceptionRecord
{
    public required long ExceptionId { get; init; }
    public required string Fingerprint { get; init; }
    public required string RuleId { get; init; }
    public required int RuleVersion { get; init; }
    public required FindingSubject Subject { get; init; }
    public string? PayerId { get; init; }
    public string? ProjectId { get; init; }
    public required Severity Severity { get; init; }
    public required decimal AmountAtRisk { get; init; }
    public required string Currency { get; init; }
    public required LocalizedText Title { get; init; }
    public required LocalizedText Detail { get; init; }
    public required LocalizedText SuggestedAction { get; init; }
    public required IReadOnlyList<Evidence> Evidence { get; init; }
    public required ExceptionStatus Status { get; init; }
    public DateOnly? SnoozedUntil { get; init; }
    public string? SnoozeReason { get; init; }
    public string? EscalatedTo { get; init; }
    public string? EscalationNote { get; init; }
    public string? ReroutedPayerId { get; init; }
    public string? AssignedTo { get; init; }
    public string? DismissedReason { get; init; }
    /// <summary>Bumped by every change; a card action must quote it (optimistic concurrency).</summary>
    public required int Version { get; init; }
    public required DateOnly FirstSeenOn { get; init; }
    public required DateOnly LastSeenOn { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public LocalizedText? CloseReason { get; init; }
    public required int ReopenedCount { get; init; }
}
