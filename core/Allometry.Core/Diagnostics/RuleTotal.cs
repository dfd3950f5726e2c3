namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>What one rule found over the whole ledger.</summary>
/// <param name="RuleId">The catalogue id, e.g. <c>RetenueReleaseDue</c>.</param>
/// <param name="Name">What a person calls the rule.</param>
/// <param name="Topic">The section it belongs to.</param>
/// <param name="Findings">How many findings.</param>
/// <param name="AmountAtRisk">Their money at risk, exact.</param>
/// <param name="HighestSeverity">The most severe of them.</param>
public sealed record RuleTotal(string RuleId, LocalizedText Name, DiagnosticTopic Topic, int Findings, decimal AmountAtRisk, Severity HighestSeverity);
