namespace Allometry.Core.Imports;

/// <summary>
/// Gathers issues while a batch is read. Parsing goes on after an error so that one run reports
/// as many problems as possible, up to <see cref="MaxErrors"/>; past that a single
/// <see cref="ImportIssueCode.TooManyErrors"/> is added and further errors are counted only.
/// Thread-safe: sheets may be read in parallel.
/// </summary>
public sealed class ImportIssueCollector
{
    private readonly List<ImportIssue> _issues = [];
    private readonly Lock _gate = new();
    private int _errorCount;

    public ImportIssueCollector(int maxErrors = 200) => MaxErrors = maxErrors;

    /// <value>200 by default: enough to fix a file in one pass without flooding the terminal.</value>
    public int MaxErrors { get; }

    public int ErrorCount { get { lock (_gate) { return _errorCount; } } }

    public bool HasErrors => ErrorCount > 0;

    public IReadOnlyList<ImportIssue> Issues { get { lock (_gate) { return [.. _issues]; } } }

    public void Add(ImportIssue issue)
    {
        lock (_gate)
        {
            if (issue.Severity == ImportSeverity.Error)
            {
                _errorCount++;
                if (_errorCount == MaxErrors + 1)
                {
                    _issues.Add(ImportIssue.Error(ImportIssueCode.TooManyErrors, new ImportLocation(null), null, MaxErrors.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                if (_errorCount > MaxErrors)
                {
                    return;
                }
            }
            _issues.Add(issue);
        }
    }

    /// <summary>Throws <see cref="LedgerImportException"/> when any error was collected.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new LedgerImportException(Issues);
        }
    }
}
