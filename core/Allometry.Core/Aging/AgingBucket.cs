namespace Allometry.Core.Aging;

/// <summary>
/// The standard receivables aging buckets, by days beyond the due date as of the ledger's date
/// (domain.md §3: days beyond terms = max(0, as-of − due)).
/// </summary>
public enum AgingBucket
{
    /// <summary>Not yet due (as-of on or before the due date).</summary>
    Current,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}
