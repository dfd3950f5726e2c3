namespace Allometry.Core.Imports;

using Allometry.Core.Localization;

/// <summary>The input was rejected: nothing was written. Carries every error found (up to a cap) and the warnings.</summary>
public sealed class LedgerImportException : Exception
{
    public LedgerImportException(IReadOnlyList<ImportIssue> issues)
        : base(Summarize(issues, Language.En)) => Issues = issues;

    public IReadOnlyList<ImportIssue> Issues { get; }

    public IEnumerable<ImportIssue> Errors => Issues.Where(i => i.Severity == ImportSeverity.Error);

    /// <summary>All errors as sentences in the reader's language, one per line.</summary>
    public string Describe(Language language) => Summarize(Issues, language);

    private static string Summarize(IReadOnlyList<ImportIssue> issues, Language language) =>
        string.Join(Environment.NewLine, issues
            .Where(i => i.Severity == ImportSeverity.Error)
            .Select(i => i.Describe(language)));
}
