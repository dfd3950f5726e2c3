namespace Allometry.Core.Conversations;

using Allometry.Core.Localization;

/// <summary>
/// A command typed in chat, as <see cref="ChatCommandParser"/> read it. Only the fields the
/// <see cref="Kind"/> uses are set; <see cref="Error"/> says what was wrong with its arguments.
/// </summary>
public sealed record ChatCommand
{
    public required ChatCommandKind Kind { get; init; }

    /// <summary>The language the command word was typed in (<c>aide</c> is French, <c>help</c> English); null when both spell it alike.</summary>
    public Language? Language { get; init; }

    /// <summary>Subscriptions: the local time the digest goes out; null → the default (07:30 morning, 08:00 weekly).</summary>
    public TimeOnly? LocalTime { get; init; }

    /// <summary>Subscriptions: the IANA time zone typed ("America/Toronto"); null → the speaker's.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Weekly subscription: the day it goes out; null → Monday.</summary>
    public DayOfWeek? Weekday { get; init; }

    /// <summary>Unsubscribe: true for only the weekly summary, false for only the morning digest, null for both.</summary>
    public bool? Weekly { get; init; }

    /// <summary>Link: the email; bind project: the project code or name.</summary>
    public string? Argument { get; init; }

    /// <summary>Why the arguments were refused (both languages); null when the command is well formed.</summary>
    public LocalizedText? Error { get; init; }
}
