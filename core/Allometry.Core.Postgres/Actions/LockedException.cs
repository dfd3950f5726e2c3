namespace Allometry.Core.Postgres.Actions;

/// <summary>The exception an action works on, read and locked (FOR UPDATE) inside the action's tenant scope.</summary>
internal sealed class LockedException
{
    public long ExceptionId { get; init; }
    public int Version { get; init; }
    public string Status { get; init; } = "";
    public string SubjectKind { get; init; } = "";
    public string SubjectId { get; init; } = "";
    public string? PayerId { get; init; }
    public string? ProjectId { get; init; }
    public string? ReroutedPayerId { get; init; }
    public string? EscalatedTo { get; init; }
    public string? PmEmail { get; init; }
    public string TitleEn { get; init; } = "";
    public string TitleFr { get; init; } = "";

    /// <summary>Who owes now: the re-routed payer when there is one.</summary>
    public string? CurrentPayerId => ReroutedPayerId ?? PayerId;
}
