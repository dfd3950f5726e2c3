namespace Allometry.Core.Exceptions;

/// <summary>Where an exception stands. Stored as its <see cref="Ledger.LedgerVocabulary"/> code (<c>open</c>, <c>snoozed</c>…).</summary>
public enum ExceptionStatus
{
    /// <summary>Someone must act: on the queue and on the morning cards.</summary>
    Open,
    /// <summary>Put aside by a person until a date; still tracked, and back on the queue when it materially worsens or the date comes.</summary>
    Snoozed,
    /// <summary>The condition cleared (or its rule was switched off); comes back as <see cref="Open"/> if the condition returns.</summary>
    Closed,
    /// <summary>A person decided it needs no action; stays dismissed while the condition persists.</summary>
    Dismissed,
}
