namespace Allometry.Core.Actions;

/// <summary>How an action ended.</summary>
public enum ActionOutcomeKind
{
    /// <summary>The state changed; one audit row was written.</summary>
    Applied,
    /// <summary>The same delivery was already applied (idempotency key seen): nothing changed again.</summary>
    AlreadyApplied,
    /// <summary>The card was out of date: someone else changed the exception first.</summary>
    Stale,
    /// <summary>The actor's role does not allow it.</summary>
    Denied,
    /// <summary>The arguments are wrong (missing reason, amount above the hold…).</summary>
    Invalid,
    /// <summary>Recorded, but a second finance approval is needed before it takes effect.</summary>
    PendingApproval,
    /// <summary>No such exception in this tenant.</summary>
    NotFound,
}
