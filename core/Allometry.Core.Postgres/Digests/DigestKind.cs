namespace Allometry.Core.Postgres.Digests;

/// <summary>What a subscription receives: the daily morning digest or the weekly executive summary.</summary>
public enum DigestKind
{
    /// <summary>Every day at the local time: the top open exceptions, rolled up by project.</summary>
    Morning,
    /// <summary>Once a week on the weekday at the local time: the exposure summary with week-over-week deltas.</summary>
    Weekly,
}
