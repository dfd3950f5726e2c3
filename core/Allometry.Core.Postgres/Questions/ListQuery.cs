namespace Allometry.Core.Postgres.Questions;

/// <summary>The parameters of a list answer's read.</summary>
/// <param name="AsOf">The ledger date ("overdue" and "renews in" count from it).</param>
/// <param name="Days">The renewal horizon in days.</param>
/// <param name="Since">For "what changed": changes at or after this instant.</param>
/// <param name="Asker">The asker's email ("my queue").</param>
/// <param name="RestrictToPm">A restricted project manager's email; null when the asker sees every project.</param>
public sealed record ListQuery(DateOnly AsOf, int Days, DateTimeOffset Since, string Asker, string? RestrictToPm)
{
    /// <summary>Each payer's 1-based rank in the risk-scored collections queue; "top risks" and "my queue" list in that order. Empty: severity then money.</summary>
    public IReadOnlyDictionary<string, int> PayerRanks { get; init; } = new Dictionary<string, int>();

    /// <summary>Each queued payer's risk score (0–100), shown beside its exceptions.</summary>
    public IReadOnlyDictionary<string, decimal> PayerScores { get; init; } = new Dictionary<string, decimal>();
}
