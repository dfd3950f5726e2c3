namespace Allometry.Core.Cards.Building;

using Allometry.Core.Rules;

/// <summary>
/// What a channel subscription wants in its digest (the tenant is the subscription's own):
/// a province/region, a project manager, a set of projects, a minimum severity and how many lines.
/// Null or empty criteria match everything.
/// </summary>
public sealed record DigestFilter
{
    /// <summary>Province code as the ledger spells it ("QC", "ON"); compared case-insensitively.</summary>
    public string? Province { get; init; }
    /// <summary>The project manager's email; compared case-insensitively.</summary>
    public string? ProjectManager { get; init; }
    /// <summary>Only these projects; empty for all.</summary>
    public IReadOnlyList<string> Projects { get; init; } = [];
    /// <value>Low: Info findings are reports, not actions.</value>
    public Severity MinSeverity { get; init; } = Severity.Low;
    /// <summary>Lines in the digest (a project roll-up counts as one).</summary>
    /// <value>10.</value>
    public int Top { get; init; } = 10;

    /// <summary>Whether <paramref name="candidate"/> passes every criterion.</summary>
    public bool Matches(DigestCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Severity < MinSeverity) return false;
        if (!string.IsNullOrWhiteSpace(Province) && !string.Equals(Province.Trim(), candidate.Province, StringComparison.OrdinalIgnoreCase)) return false;
        if (!string.IsNullOrWhiteSpace(ProjectManager) && !string.Equals(ProjectManager.Trim(), candidate.ProjectManager, StringComparison.OrdinalIgnoreCase)) return false;
        return Projects.Count == 0 || (candidate.ProjectId is { } p && Projects.Contains(p, StringComparer.OrdinalIgnoreCase));
    }
}
