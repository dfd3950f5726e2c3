namespace Allometry.Core.Rules;

/// <summary>The findings of one evaluation and the rules that did not run.</summary>
public sealed record RuleEvaluation(DateOnly AsOf, IReadOnlyList<Finding> Findings, IReadOnlyList<SkippedRule> Skipped);
