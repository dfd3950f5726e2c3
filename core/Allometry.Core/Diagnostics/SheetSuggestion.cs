namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;

/// <summary>A sheet the input did not have, and what adding it would enable.</summary>
/// <param name="Sheet">The sheet's name in the import contract.</param>
/// <param name="Description">What the sheet holds.</param>
/// <param name="RuleIds">Rules that could not run without it.</param>
/// <param name="Sentence">One sentence for the prospect: add this sheet to check that.</param>
public sealed record SheetSuggestion(string Sheet, LocalizedText Description, IReadOnlyList<string> RuleIds, LocalizedText Sentence);
