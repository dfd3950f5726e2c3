namespace Allometry.Core.Postgres.Questions;

/// <summary>The parameters of a list answer's read.</summary>
/// <param name="AsOf">The ledger date ("overdue" and "renews in" count from it).</param>
/// <param name="Days">The renewal horizon in days.</param>
/// <param name="Since">For "what changed": changes at or after this instant.</param>
/// <param name="Asker">The asker's email ("my queue").</param>
/// <param name="RestrictToPm">A restricted project manager's email; null when the asker sees every project.</param>
public sealed record ListQuery(DateOnly AsOf, int Days, DateTimeOffset Since, string Asker, string? RestrictToPm);
