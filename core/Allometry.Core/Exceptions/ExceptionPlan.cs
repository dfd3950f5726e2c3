namespace Allometry.Core.Exceptions;

/// <summary>What one evaluation does to a scope of exceptions (<see cref="ExceptionLifecycle.Plan"/>).</summary>
/// <param name="Changes">Every change, in the order of the findings, then the closures.</param>
/// <param name="Unchanged">Findings whose exception stays exactly as it is (no version bump, no history).</param>
/// <param name="Seen">
/// Unchanged exceptions found again on a later as-of date: only their <c>last_seen_on</c> moves,
/// a bookkeeping touch with no version bump and no history.
/// </param>
/// <param name="DuplicateFindings">Findings dropped because an earlier one had the same fingerprint.</param>
public sealed record ExceptionPlan(
    IReadOnlyList<ExceptionChange> Changes,
    int Unchanged,
    IReadOnlyList<long> Seen,
    int DuplicateFindings)
{
    /// <summary>How many changes are of <paramref name="kind"/>.</summary>
    public int Count(ExceptionChangeKind kind) => Changes.Count(c => c.Kind == kind);

    /// <summary>True when applying the plan would write nothing but <see cref="Seen"/> touches.</summary>
    public bool IsEmpty => Changes.Count == 0;
}
