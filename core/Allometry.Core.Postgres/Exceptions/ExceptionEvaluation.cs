namespace Allometry.Core.Postgres.Exceptions;

using Allometry.Core.Rules;

/// <summary>What one evaluation did to a tenant's exceptions.</summary>
public sealed record ExceptionEvaluation
{
    public required string TenantId { get; init; }
    /// <summary>The project of an incremental evaluation; null for the whole tenant.</summary>
    public string? ProjectId { get; init; }
    public required DateOnly AsOf { get; init; }
    /// <summary>The engine's output: every finding (before scoping) and the rules that did not run.</summary>
    public required RuleEvaluation Rules { get; init; }
    public int Opened { get; init; }
    public int Updated { get; init; }
    public int Closed { get; init; }
    public int Reopened { get; init; }
    public int Resurfaced { get; init; }
    public int SnoozesEnded { get; init; }
    /// <summary>Findings whose exception stayed exactly as it was.</summary>
    public int Unchanged { get; init; }
    /// <summary>Findings dropped for repeating an earlier finding's fingerprint (a rule bug worth a look).</summary>
    public int DuplicateFindings { get; init; }

    /// <summary>Where the evaluation's wall time went, step by step.</summary>
    public EvaluationTimings Timings { get; init; } = EvaluationTimings.None;

    /// <summary>Changes written (each bumped a version and appended a history entry).</summary>
    public int Changed => Opened + Updated + Closed + Reopened + Resurfaced + SnoozesEnded;
}
