namespace Allometry.Core.Exceptions;

/// <summary>
/// What one entry of an exception's history records. The first six are the evaluation's
/// (<see cref="ExceptionLifecycle"/>); the rest are people's, recorded by card actions.
/// Stored as its <see cref="Ledger.LedgerVocabulary"/> code (<c>snooze_ended</c>…).
/// </summary>
public enum ExceptionChangeKind
{
    /// <summary>A finding was seen for the first time.</summary>
    Opened,
    /// <summary>Amounts, severity, wording or evidence changed; the status did not.</summary>
    Updated,
    /// <summary>The condition cleared, or its rule was switched off.</summary>
    Closed,
    /// <summary>A closed exception's condition came back.</summary>
    Reopened,
    /// <summary>A snoozed exception materially worsened (amount up 10 % or more, or severity up) and is open again.</summary>
    Resurfaced,
    /// <summary>A snoozed exception's date came and it is open again.</summary>
    SnoozeEnded,
    /// <summary>A person snoozed it.</summary>
    Snoozed,
    /// <summary>A person put a snoozed or dismissed exception back on the queue.</summary>
    Restored,
    /// <summary>A person dismissed it.</summary>
    Dismissed,
    /// <summary>A person escalated it.</summary>
    Escalated,
    /// <summary>A person re-routed the follow-up to another payer (a linked entity).</summary>
    Rerouted,
    /// <summary>A person assigned it.</summary>
    Assigned,
    /// <summary>A person added a note.</summary>
    NoteAdded,
}
