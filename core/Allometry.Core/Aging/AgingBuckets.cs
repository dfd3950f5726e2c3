namespace Allometry.Core.Aging;

using Allometry.Core.Localization;

/// <summary>Which bucket a balance falls in, and what each bucket is called in each language.</summary>
public static class AgingBuckets
{
    /// <summary>Every bucket from youngest to oldest.</summary>
    public static readonly IReadOnlyList<AgingBucket> All =
        [AgingBucket.Current, AgingBucket.Days1To30, AgingBucket.Days31To60, AgingBucket.Days61To90, AgingBucket.Over90];

    /// <summary>Days beyond terms: max(0, as-of − due).</summary>
    public static int DaysPastDue(DateOnly asOf, DateOnly dueDate) => Math.Max(0, asOf.DayNumber - dueDate.DayNumber);

    public static AgingBucket Of(DateOnly asOf, DateOnly dueDate) => Of(DaysPastDue(asOf, dueDate));

    public static AgingBucket Of(int daysPastDue) => daysPastDue switch
    {
        <= 0 => AgingBucket.Current,
        <= 30 => AgingBucket.Days1To30,
        <= 60 => AgingBucket.Days31To60,
        <= 90 => AgingBucket.Days61To90,
        _ => AgingBucket.Over90,
    };

    public static string Label(AgingBucket bucket, Language language) => (bucket, language) switch
    {
        (AgingBucket.Current, Language.Fr) => "Courant",
        (AgingBucket.Current, _) => "Current",
        (AgingBucket.Days1To30, Language.Fr) => "1 à 30 j",
        (AgingBucket.Days1To30, _) => "1–30 days",
        (AgingBucket.Days31To60, Language.Fr) => "31 à 60 j",
        (AgingBucket.Days31To60, _) => "31–60 days",
        (AgingBucket.Days61To90, Language.Fr) => "61 à 90 j",
        (AgingBucket.Days61To90, _) => "61–90 days",
        (AgingBucket.Over90, Language.Fr) => "Plus de 90 j",
        _ => "Over 90 days",
    };
}
