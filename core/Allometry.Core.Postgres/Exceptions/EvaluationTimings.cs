namespace Allometry.Core.Postgres.Exceptions;

/// <summary>
/// Where one evaluation spent its wall time, step by step, so a slow run can be read from the
/// result (logs, the evaluation benchmark) instead of being re-timed from outside.
/// </summary>
/// <param name="Load">Reading the ledger (the whole snapshot, or a project's slice).</param>
/// <param name="Settings">Reading the tenant's rule settings and re-routes.</param>
/// <param name="Rules">Running the rules.</param>
/// <param name="States">Opening the transaction, taking the tenant's lock and reading the stored exceptions.</param>
/// <param name="Plan">Reconciling findings with the stored exceptions (<see cref="Core.Exceptions.ExceptionLifecycle"/>).</param>
/// <param name="Apply">Writing the plan and committing.</param>
public sealed record EvaluationTimings(TimeSpan Load, TimeSpan Settings, TimeSpan Rules, TimeSpan States, TimeSpan Plan, TimeSpan Apply)
{
    /// <summary>No time at all (an evaluation built by hand).</summary>
    public static EvaluationTimings None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The sum of the steps.</summary>
    public TimeSpan Total => Load + Settings + Rules + States + Plan + Apply;
}
