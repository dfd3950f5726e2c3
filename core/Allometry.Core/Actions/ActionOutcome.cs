namespace Allometry.Core.Actions;

using Allometry.Core.Localization;

/// <summary>
/// What happened, in words for the actor (both languages), with what a channel needs to refresh
/// the card: the exception's version after the action, and for <see cref="ActionOutcomeKind.Stale"/>
/// who changed it and when ("already snoozed by Marie at 09:14").
/// </summary>
public sealed record ActionOutcome
{
    public required ActionOutcomeKind Kind { get; init; }
    public required LocalizedText Message { get; init; }
    public long? ExceptionId { get; init; }
    public int? Version { get; init; }
    public string? ChangedBy { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }

    public bool Succeeded => Kind is ActionOutcomeKind.Applied or ActionOutcomeKind.AlreadyApplied or ActionOutcomeKind.PendingApproval;
}
