namespace Allometry.Core.Diagnostics;

/// <summary>What the rules of one topic found.</summary>
/// <param name="RuleIds">The topic's rules that ran.</param>
/// <param name="Findings">How many findings.</param>
/// <param name="AmountAtRisk">Their money at risk.</param>
/// <param name="Items">The largest of them.</param>
public sealed record TopicFindings(IReadOnlyList<string> RuleIds, int Findings, decimal AmountAtRisk, IReadOnlyList<DiagnosticItem> Items);
