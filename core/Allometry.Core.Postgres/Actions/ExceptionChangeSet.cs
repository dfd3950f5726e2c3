namespace Allometry.Core.Postgres.Actions;

/// <summary>The human-state columns one action sets on an exception (null: unchanged), and its history kind.</summary>
internal sealed record ExceptionChangeSet(string Kind)
{
    public string? Status { get; init; }
    public bool SetSnooze { get; init; }
    public DateOnly? SnoozedUntil { get; init; }
    public string? SnoozeReason { get; init; }
    public string? EscalatedTo { get; init; }
    public string? EscalationNote { get; init; }
    public string? ReroutedPayerId { get; init; }
    public string? AssignedTo { get; init; }
    public string? DismissedReason { get; init; }
}
