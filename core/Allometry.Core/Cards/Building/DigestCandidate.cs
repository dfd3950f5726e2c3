namespace Allometry.Core.Cards.Building;

using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>An open exception as the digest sees it: what it is, where it is, and where its payer stands in the queue.</summary>
public sealed record DigestCandidate
{
    public required long ExceptionId { get; init; }
    public required int Version { get; init; }
    public required Severity Severity { get; init; }
    public required decimal AmountAtRisk { get; init; }
    /// <value>CAD.</value>
    public string Currency { get; init; } = "CAD";
    public required LocalizedText Title { get; init; }
    public string? PayerId { get; init; }
    public string? PayerName { get; init; }
    public string? ProjectId { get; init; }
    public string? ProjectName { get; init; }
    /// <summary>The project's site province code ("QC").</summary>
    public string? Province { get; init; }
    /// <summary>The project manager's email.</summary>
    public string? ProjectManager { get; init; }
    /// <summary>The payer's 1-based rank in the risk-scored collections queue; null when not queued (sorts last).</summary>
    public int? QueueRank { get; init; }
}
