namespace Allometry.Core.Postgres.Actions;

/// <summary>One applied action as the audit keeps it: who (internal user and platform identity), when, what, before/after.</summary>
public sealed class AuditEntry
{
    public long AuditId { get; init; }
    public DateTime At { get; init; }
    public long UserId { get; init; }
    public string UserEmail { get; init; } = "";
    public string Platform { get; init; } = "";
    public string Realm { get; init; } = "";
    public string PlatformUserId { get; init; } = "";
    public string Verb { get; init; } = "";
    public long? ExceptionId { get; init; }
    public string IdempotencyKey { get; init; } = "";
    public string OutcomeKind { get; init; } = "";
    /// <summary>The exception's changed columns before (json), or null when the action added a row beside it.</summary>
    public string? Before { get; init; }
    /// <summary>The changed columns after, or the note / promise / release recorded (json).</summary>
    public string? After { get; init; }
    public string? MessagePlatform { get; init; }
    public string? ConversationId { get; init; }
    public string? MessageId { get; init; }
}
