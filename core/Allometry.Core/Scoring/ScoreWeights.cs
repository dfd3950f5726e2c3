namespace Allometry.Core.Scoring;

/// <summary>
/// Every number that turns <see cref="ScoreInputs"/> into a collections risk score (domain.md §3):
/// the maxima of F1–F7, F2's band edges and points, the windows the inputs are gathered over and
/// the tier edges. A published set is never edited: a change is a new <see cref="Version"/>, and
/// every <see cref="RiskScore"/> names the version it was computed with, so an auditor can take a
/// past score's stored inputs and <see cref="ForVersion"/> and recompute it exactly.
/// </summary>
/// <remarks>
/// The maxima must add up to 100 or less (<see cref="Validate"/>): the score is the plain sum of
/// its factors and is never clamped, so the factors a card shows always add up to the score.
/// </remarks>
public sealed record ScoreWeights
{
    /// <summary>The weights of domain.md §3 as first published.</summary>
    public static ScoreWeights V2026_11_1 { get; } = new() { Version = "2026-11.1" };

    /// <summary>The weights new scores are computed with.</summary>
    public static ScoreWeights Current => V2026_11_1;

    /// <summary>Every version ever published, oldest first; never shrinks.</summary>
    public static IReadOnlyList<ScoreWeights> Published { get; } = [V2026_11_1];

    /// <summary>Identifies the set, <c>yyyy-MM.n</c>; recorded on every score.</summary>
    public required string Version { get; init; }

    /// <summary>F1 maximum.</summary>
    /// <value>25 points.</value>
    public decimal OldestBeyondTermsMax { get; init; } = 25m;

    /// <summary>F1: days beyond terms at which F1 reaches its maximum (F1 = max · min(1, DBT / this)).</summary>
    /// <value>120 days.</value>
    public int OldestBeyondTermsFullDays { get; init; } = 120;

    /// <summary>F2: how far back payment applications count.</summary>
    /// <value>12 months.</value>
    public int HistoryMonths { get; init; } = 12;

    /// <summary>F2: an average of at most this many days late scores <see cref="HistoryOnTimePoints"/>.</summary>
    /// <value>15 days.</value>
    public int HistoryOnTimeMaxDays { get; init; } = 15;

    /// <summary>F2: up to this many days late on average scores <see cref="HistoryLatePoints"/>.</summary>
    /// <value>45 days.</value>
    public int HistoryLateMaxDays { get; init; } = 45;

    /// <summary>F2: up to this many days late on average scores <see cref="HistoryVeryLatePoints"/>; beyond, <see cref="HistorySeverePoints"/>.</summary>
    /// <value>90 days.</value>
    public int HistoryVeryLateMaxDays { get; init; } = 90;

    /// <value>0 points (≤ 15 days late on average).</value>
    public decimal HistoryOnTimePoints { get; init; }

    /// <value>7 points (16–45 days).</value>
    public decimal HistoryLatePoints { get; init; } = 7m;

    /// <value>14 points (46–90 days).</value>
    public decimal HistoryVeryLatePoints { get; init; } = 14m;

    /// <value>20 points (over 90 days).</value>
    public decimal HistorySeverePoints { get; init; } = 20m;

    /// <summary>F2 when no payment was applied in the window: nothing to judge by is itself a risk.</summary>
    /// <value>10 points.</value>
    public decimal HistoryNonePoints { get; init; } = 10m;

    /// <summary>F3: the recent window compared with the F2 window.</summary>
    /// <value>3 months.</value>
    public int TrendMonths { get; init; } = 3;

    /// <summary>F3 maximum.</summary>
    /// <value>10 points.</value>
    public decimal TrendMax { get; init; } = 10m;

    /// <summary>F3: a recent average this many days worse than the 12-month one scores the maximum.</summary>
    /// <value>30 days.</value>
    public int TrendFullDays { get; init; } = 30;

    /// <summary>F4: how far back a broken promise counts.</summary>
    /// <value>180 days.</value>
    public int PromiseWindowDays { get; init; } = 180;

    /// <summary>F4 per broken promise.</summary>
    /// <value>5 points.</value>
    public decimal PromisePoints { get; init; } = 5m;

    /// <summary>F4 maximum.</summary>
    /// <value>10 points.</value>
    public decimal PromiseMax { get; init; } = 10m;

    /// <summary>F5 maximum.</summary>
    /// <value>15 points.</value>
    public decimal ExposureMax { get; init; } = 15m;

    /// <summary>F5 without a credit limit: the percentile of all payers' open balances used as the limit.</summary>
    /// <value>90 (P90, nearest rank).</value>
    public int ExposurePercentile { get; init; } = 90;

    /// <summary>F6 for an unresolved short pay.</summary>
    /// <value>2.5 points.</value>
    public decimal ShortPayPoints { get; init; } = 2.5m;

    /// <summary>F6 for an open dispute.</summary>
    /// <value>2.5 points.</value>
    public decimal DisputePoints { get; init; } = 2.5m;

    /// <summary>F7 per structural flag.</summary>
    /// <value>5 points.</value>
    public decimal StructuralPoints { get; init; } = 5m;

    /// <summary>F7 maximum.</summary>
    /// <value>15 points.</value>
    public decimal StructuralMax { get; init; } = 15m;

    /// <summary>Scores from here are <see cref="RiskTier.Watch"/>.</summary>
    /// <value>25.</value>
    public decimal WatchFrom { get; init; } = 25m;

    /// <summary>Scores from here are <see cref="RiskTier.High"/>.</summary>
    /// <value>50.</value>
    public decimal HighFrom { get; init; } = 50m;

    /// <summary>Scores from here are <see cref="RiskTier.Critical"/>.</summary>
    /// <value>75.</value>
    public decimal CriticalFrom { get; init; } = 75m;

    /// <summary>F2's maximum: the highest of its band points.</summary>
    public decimal HistoryMax =>
        Math.Max(Math.Max(HistoryOnTimePoints, HistoryLatePoints), Math.Max(Math.Max(HistoryVeryLatePoints, HistorySeverePoints), HistoryNonePoints));

    /// <summary>F6's maximum.</summary>
    public decimal ShortPayOrDisputeMax => ShortPayPoints + DisputePoints;

    /// <summary>The highest score these weights can give.</summary>
    public decimal TotalMax =>
        OldestBeyondTermsMax + HistoryMax + TrendMax + PromiseMax + ExposureMax + ShortPayOrDisputeMax + StructuralMax;

    /// <summary>The published set called <paramref name="version"/>.</summary>
    /// <exception cref="ArgumentException">No set of that version was ever published.</exception>
    public static ScoreWeights ForVersion(string version) =>
        Published.FirstOrDefault(w => string.Equals(w.Version, version, StringComparison.Ordinal))
        ?? throw new ArgumentException(
            $"No score weights version '{version}' was published (known: {string.Join(", ", Published.Select(w => w.Version))}).", nameof(version));

    /// <summary>Throws when the set cannot produce a 0–100 score whose factors add up to it.</summary>
    /// <exception cref="InvalidOperationException">A maximum is negative, an edge is out of order or the maxima exceed 100.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Version)) Fail("Version is empty");
        decimal[] points =
        [
            OldestBeyondTermsMax, HistoryOnTimePoints, HistoryLatePoints, HistoryVeryLatePoints, HistorySeverePoints, HistoryNonePoints,
            TrendMax, PromisePoints, PromiseMax, ExposureMax, ShortPayPoints, DisputePoints, StructuralPoints, StructuralMax,
        ];
        if (points.Any(p => p < 0m)) Fail("a maximum or band is negative");
        if (OldestBeyondTermsFullDays <= 0 || TrendFullDays <= 0) Fail("F1 and F3 full-scale days must be positive");
        if (HistoryMonths <= 0 || TrendMonths <= 0 || TrendMonths > HistoryMonths) Fail("windows must be positive and the trend window within the history window");
        if (PromiseWindowDays <= 0) Fail("the promise window must be positive");
        if (!(HistoryOnTimeMaxDays < HistoryLateMaxDays && HistoryLateMaxDays < HistoryVeryLateMaxDays)) Fail("F2 band edges must increase");
        if (ExposurePercentile is < 1 or > 100) Fail("the exposure percentile must be within 1–100");
        if (!(0m < WatchFrom && WatchFrom < HighFrom && HighFrom < CriticalFrom)) Fail("tier edges must increase");
        if (TotalMax > 100m) Fail($"the maxima add up to {TotalMax}, more than 100");

        void Fail(string why) => throw new InvalidOperationException($"Score weights '{Version}': {why}.");
    }
}
