namespace Allometry.Core.Scoring;

using Allometry.Core.Rules;

/// <summary>What the scorer and the queue need besides the ledger: the score's weights and the tenant's rule settings.</summary>
public sealed record ScoringSettings
{
    /// <summary>The weights scores are computed with.</summary>
    /// <value><see cref="ScoreWeights.Current"/>.</value>
    public ScoreWeights Weights { get; init; } = ScoreWeights.Current;

    /// <summary>
    /// The tenant's thresholds, so the score and the exceptions agree on what a kept promise
    /// (<see cref="RuleSettings.PromiseTolerance"/>) and an unresolved short pay
    /// (<see cref="RuleSettings.ShortPayTolerance"/>, <see cref="RuleSettings.ShortPayDays"/>) are.
    /// </summary>
    /// <value><see cref="RuleSettings.Default"/>.</value>
    public RuleSettings Rules { get; init; } = RuleSettings.Default;

    public static ScoringSettings Default { get; } = new();
}
