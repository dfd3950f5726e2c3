namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;

/// <summary>
/// Retenue / holdback: what the <c>retainage</c> sheet says is still held, and what the retainage
/// rules found (release due, hypothec deadline, never invoiced, aged as overdue).
/// </summary>
/// <param name="UnreleasedHolds">Holds with no release invoice and not released; null without the retainage sheet.</param>
/// <param name="UnreleasedAmount">Their held amounts.</param>
/// <param name="PastReleaseDate">The part of <paramref name="UnreleasedAmount"/> whose release date has passed.</param>
/// <param name="PastReleaseDateHolds">How many holds that is.</param>
/// <param name="UnavailableReason">Why the held amounts are not known; null when they are.</param>
/// <param name="Rules">What the retainage rules found.</param>
public sealed record RetainageSection(
    int? UnreleasedHolds,
    decimal? UnreleasedAmount,
    decimal? PastReleaseDate,
    int? PastReleaseDateHolds,
    LocalizedText? UnavailableReason,
    TopicFindings Rules);
