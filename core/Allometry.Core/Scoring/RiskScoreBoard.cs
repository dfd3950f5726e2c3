namespace Allometry.Core.Scoring;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;

/// <summary>The risk scores of one evaluation, by payer; an exception takes the score of its payer.</summary>
public sealed class RiskScoreBoard
{
    private readonly Dictionary<string, RiskScore> _byPayer;
    private readonly LedgerSnapshot _ledger;

    internal RiskScoreBoard(IReadOnlyList<RiskScore> scores, LedgerSnapshot ledger)
    {
        _byPayer = scores.ToDictionary(s => s.PayerId, StringComparer.Ordinal);
        _ledger = ledger;
        All = [.. scores.OrderByDescending(s => s.Score).ThenBy(s => s.PayerId, StringComparer.Ordinal)];
    }

    /// <summary>Every score, riskiest first (ties by payer id).</summary>
    public IReadOnlyList<RiskScore> All { get; }

    /// <summary>The payer's score, or null when the payer was not scored.</summary>
    public RiskScore? For(string payerId) => _byPayer.GetValueOrDefault(payerId);

    /// <summary>
    /// The score of the payer a finding (an exception) belongs to: <see cref="Finding.PayerId"/>,
    /// else the payer its subject names; null when it names none.
    /// </summary>
    public RiskScore? For(Finding finding) => FindingPayers.Of(finding, _ledger) is { } payerId ? For(payerId) : null;
}
