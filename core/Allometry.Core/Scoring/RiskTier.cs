namespace Allometry.Core.Scoring;

/// <summary>Bands of the 0–100 risk score (domain.md §3), edges in <see cref="ScoreWeights"/>.</summary>
public enum RiskTier
{
    /// <summary>Below 25.</summary>
    Low,
    /// <summary>25 to below 50.</summary>
    Watch,
    /// <summary>50 to below 75.</summary>
    High,
    /// <summary>75 and above.</summary>
    Critical,
}
