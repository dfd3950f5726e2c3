namespace Allometry.Core.Exceptions;

using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// One change the lifecycle plans for one exception: the store applies it (bumping the version
/// and appending a history entry of <see cref="Kind"/>) only if the exception is still at
/// <see cref="Before"/>'s version.
/// </summary>
public sealed record ExceptionChange
{
    public required ExceptionChangeKind Kind { get; init; }

    /// <summary>The exception as it was; null when <see cref="Kind"/> is <see cref="ExceptionChangeKind.Opened"/>.</summary>
    public ExceptionState? Before { get; init; }

    /// <summary>The finding whose content the exception takes; null when only the status changes (a closure).</summary>
    public Finding? Finding { get; init; }

    /// <summary><see cref="FindingContent.Hash"/> of <see cref="Finding"/>; null with it.</summary>
    public string? ContentHash { get; init; }

    /// <summary>The status after the change.</summary>
    public required ExceptionStatus Status { get; init; }

    /// <summary>Why it closed, in both languages; only for <see cref="ExceptionChangeKind.Closed"/>.</summary>
    public LocalizedText? ClosureReason { get; init; }

    /// <summary>
    /// Why a snooze ended, in both languages: its condition met ("payment received 2026-11-20"),
    /// its date reached, or the exception worsened; null for other changes. Recorded in the history entry.
    /// </summary>
    public LocalizedText? SnoozeEndReason { get; init; }

    /// <summary>True when the snooze (date and reason) ends with this change: closed, resurfaced or its date came.</summary>
    public bool ClearsSnooze { get; init; }

    /// <summary>True when a past dismissal is forgotten: the condition came back after it cleared.</summary>
    public bool ClearsDismissal { get; init; }

    /// <summary>The fingerprint of the exception the change is about.</summary>
    public string Fingerprint => Before?.Fingerprint ?? Finding!.Fingerprint;
}
