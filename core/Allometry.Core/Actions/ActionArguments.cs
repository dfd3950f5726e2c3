namespace Allometry.Core.Actions;

/// <summary>
/// The typed arguments of an action. Cards and commands carry them as text (<c>until=2026-12-01</c>,
/// <c>amount=1 234,56</c>); one core parser turns text into this record the same
/// way for every channel, so validation never differs between Teams, Slack and the web chat.
/// </summary>
public sealed record ActionArguments
{
    /// <summary>Snooze: the first day the exception is open again.</summary>
    public DateOnly? Until { get; init; }
    /// <summary>Snooze: a length in days (1, 3, 7, 14) when no date is given.</summary>
    public int? Days { get; init; }
    public SnoozeCondition Condition { get; init; } = SnoozeCondition.None;
    /// <summary>Snooze, dismiss, escalate: why (free text, required for dismiss).</summary>
    public string? Reason { get; init; }
    /// <summary>Add note, escalate: the note.</summary>
    public string? Note { get; init; }
    /// <summary>Re-route: the linked payer that now holds the liability.</summary>
    public string? PayerId { get; init; }
    /// <summary>Release retainage, record promise: the amount (exact decimal).</summary>
    public decimal? Amount { get; init; }
    /// <summary>Release retainage, record promise: the date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Escalate: to the project manager's manager (directory, then the tenant's map) instead of the next step of the chain.</summary>
    public bool ToManager { get; init; }

    public static ActionArguments None { get; } = new();
}
