namespace Allometry.Core.Diagnostics;

using Allometry.Core.Rules;

/// <summary>How many findings of one severity, and their money at risk.</summary>
public sealed record SeverityCount(Severity Severity, int Findings, decimal AmountAtRisk);
