namespace Allometry.Core.Imports;

using Allometry.Core.Localization;

/// <summary>
/// One problem found in the input. <see cref="Code"/> selects a bilingual template in
/// <see cref="ImportMessages"/>; <see cref="Args"/> fill its numbered placeholders.
/// </summary>
public sealed record ImportIssue(
    ImportSeverity Severity,
    ImportIssueCode Code,
    ImportLocation Location,
    string? Value,
    params string[] Args)
{
    /// <summary>The full sentence a person reads: where, what, and the offending value.</summary>
    public string Describe(Language language) => ImportMessages.Describe(this, language);

    public static ImportIssue Error(ImportIssueCode code, ImportLocation at, string? value, params string[] args) =>
        new(ImportSeverity.Error, code, at, value, args);

    public static ImportIssue Warning(ImportIssueCode code, ImportLocation at, string? value, params string[] args) =>
        new(ImportSeverity.Warning, code, at, value, args);
}
