namespace Allometry.Core.Scoring;

using Allometry.Core.Localization;

/// <summary>
/// A payer's collections risk score (domain.md §3): 0–100, higher is riskier, the plain sum of
/// its seven factors, with the weights version and the inputs it was computed from.
/// </summary>
public sealed record RiskScore
{
    public required string PayerId { get; init; }

    public required DateOnly AsOf { get; init; }

    /// <summary>Σ <see cref="Factors"/> points, two decimals.</summary>
    public required decimal Score { get; init; }

    public required RiskTier Tier { get; init; }

    /// <summary>The <see cref="ScoreWeights.Version"/> the score was computed with.</summary>
    public required string WeightsVersion { get; init; }

    /// <summary>F1 … F7, in that order.</summary>
    public required IReadOnlyList<RiskFactor> Factors { get; init; }

    /// <summary>What the score was computed from; with the weights version, enough to recompute it.</summary>
    public required ScoreInputs Inputs { get; init; }

    /// <summary>One line for a card: the score, its tier and the factors that carry it, largest first.</summary>
    public required LocalizedText Summary { get; init; }

    /// <summary>The factor with id <paramref name="id"/> ("F1" … "F7").</summary>
    public RiskFactor Factor(string id) => Factors.Single(f => string.Equals(f.Id, id, StringComparison.Ordinal));
}
