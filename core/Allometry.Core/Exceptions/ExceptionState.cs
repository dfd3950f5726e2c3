namespace Allometry.Core.Exceptions;

using Allometry.Core.Actions;
using Allometry.Core.Rules;

/// <summary>
/// What the lifecycle needs to know of a stored exception: identity, status, the figures a
/// "materially worse" test compares, and the hash of its content (<see cref="FindingContent"/>)
/// that says whether a new finding changes anything. Wording and evidence stay in the store.
/// </summary>
public sealed record ExceptionState
{
    public required long ExceptionId { get; init; }
    /// <summary>Rule + subject (<see cref="Finding.Fingerprint"/>).</summary>
    public required string Fingerprint { get; init; }
    public required string RuleId { get; init; }
    public required FindingSubject Subject { get; init; }
    public string? PayerId { get; init; }
    public string? ProjectId { get; init; }
    public required ExceptionStatus Status { get; init; }
    public required Severity Severity { get; init; }
    public required decimal AmountAtRisk { get; init; }
    /// <summary><see cref="FindingContent.Hash"/> of the finding it last took its content from.</summary>
    public required string ContentHash { get; init; }
    /// <summary>When a snooze ends (the first day it is open again); null while not snoozed, or snoozed with no end.</summary>
    public DateOnly? SnoozedUntil { get; init; }
    /// <summary>What else ends the snooze (<see cref="SnoozeConditions"/>); None when only its date does.</summary>
    public SnoozeCondition SnoozeCondition { get; init; }
    /// <summary>The day the current snooze began (a condition counts payments from it); null when not snoozed.</summary>
    public DateOnly? SnoozedOn { get; init; }
    /// <summary>The linked entity a person moved the follow-up to; null when it stays with <see cref="PayerId"/>.</summary>
    public string? ReroutedPayerId { get; init; }
    /// <summary>Bumped on every change; cards carry it for optimistic concurrency.</summary>
    public required int Version { get; init; }
    /// <summary>The as-of date of the latest evaluation that found the condition.</summary>
    public required DateOnly LastSeenOn { get; init; }
}
