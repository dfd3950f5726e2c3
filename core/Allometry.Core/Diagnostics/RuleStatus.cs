namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;

/// <summary>One rule of the catalogue and what became of it.</summary>
/// <param name="RuleId">The catalogue id.</param>
/// <param name="Name">What a person calls it.</param>
/// <param name="Topic">Its section.</param>
/// <param name="Status">Ran, missing data, or disabled.</param>
/// <param name="MissingSheets">The sheets it needed and did not get.</param>
/// <param name="Findings">Findings when it ran.</param>
public sealed record RuleStatus(string RuleId, LocalizedText Name, DiagnosticTopic Topic, RuleRunStatus Status, IReadOnlyList<string> MissingSheets, int Findings);
