namespace Allometry.Core.Diagnostics;

/// <summary>What the diagnostic could and could not check.</summary>
/// <param name="Rules">Every rule of the catalogue, those that ran first, then by id.</param>
/// <param name="MissingSheets">The absent sheets that would enable a rule or a figure, in contract order.</param>
public sealed record RuleCoverage(IReadOnlyList<RuleStatus> Rules, IReadOnlyList<SheetSuggestion> MissingSheets);
