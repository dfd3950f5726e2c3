namespace Allometry.Core.Rules;

using Allometry.Core.Localization;

/// <summary>
/// One fact behind a finding: which row (sheet + id), which field, what was expected and what was
/// found, so a person can check it against the books. <see cref="Expected"/> and
/// <see cref="Actual"/> are invariant text ("149.63", "2026-11-20") to keep the record exact.
/// </summary>
public sealed record Evidence(string Sheet, string RowId, string Field, string? Expected, string? Actual, LocalizedText? Note = null);
