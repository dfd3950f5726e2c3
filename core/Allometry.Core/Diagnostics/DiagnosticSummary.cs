namespace Allometry.Core.Diagnostics;

/// <summary>The headline of the report.</summary>
/// <param name="OpenAr">Open receivables: the balances of every invoice that is not void (credits included).</param>
/// <param name="Overdue">The part of <paramref name="OpenAr"/> past its due date.</param>
/// <param name="Findings">Findings of every rule that ran.</param>
/// <param name="MoneyAtRisk">
/// The sum of the findings' money at risk. Rules look at the same money from different angles
/// (an overdue retainage invoice is also an overdue invoice), so one dollar may count twice.
/// </param>
/// <param name="BySeverity">Findings per severity, most severe first; severities with none are listed with zero.</param>
/// <param name="RulesRun">Rules that ran.</param>
/// <param name="RulesWithFindings">Rules that ran and found something.</param>
/// <param name="RulesNotRun">Rules that could not run (missing data) or are switched off.</param>
public sealed record DiagnosticSummary(
    decimal OpenAr,
    decimal Overdue,
    int Findings,
    decimal MoneyAtRisk,
    IReadOnlyList<SeverityCount> BySeverity,
    int RulesRun,
    int RulesWithFindings,
    int RulesNotRun);
