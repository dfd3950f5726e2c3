namespace Allometry.Core.Rules;

/// <summary>A rule that did not run, and the sheets it would have needed.</summary>
public sealed record SkippedRule(string RuleId, SkipReason Reason, IReadOnlyList<string> MissingSheets);
