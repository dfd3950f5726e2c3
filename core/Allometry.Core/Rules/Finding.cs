namespace Allometry.Core.Rules;

using Allometry.Core.Localization;

/// <summary>
/// What a rule found: one subject, how bad, how much money is at risk and why. Pure data: the
/// exception lifecycle (snoozes, escalations, history) is built on top of it.
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required int RuleVersion { get; init; }
    public required Severity Severity { get; init; }
    public required FindingSubject Subject { get; init; }
    /// <summary>Exact to the cent, in <see cref="Currency"/>.</summary>
    public required decimal AmountAtRisk { get; init; }
    public string Currency { get; init; } = "CAD";
    /// <summary>The payer the follow-up goes to (after re-routing rules, the one that now holds the liability).</summary>
    public string? PayerId { get; init; }
    public string? ProjectId { get; init; }
    /// <summary>One line a card can use as its title.</summary>
    public required LocalizedText Title { get; init; }
    /// <summary>The explanation with the numbers ("expected QST 149.63 on 1,500.00, found 157.13").</summary>
    public required LocalizedText Detail { get; init; }
    public required LocalizedText SuggestedAction { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Rule + subject: the same condition keeps the same fingerprint across evaluations.</summary>
    public string Fingerprint => $"{RuleId}|{Subject}";
}
