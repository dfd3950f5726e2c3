namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>One finding as the report shows it: the rule's own words, names resolved, evidence attached.</summary>
/// <param name="RuleId">The rule that found it.</param>
/// <param name="RuleName">What a person calls the rule.</param>
/// <param name="Severity">How urgent.</param>
/// <param name="SubjectKind">What it is about.</param>
/// <param name="SubjectId">The subject's id in the ledger.</param>
/// <param name="AmountAtRisk">Exact, in <paramref name="Currency"/>.</param>
/// <param name="Currency">The finding's currency.</param>
/// <param name="PayerId">The payer the follow-up goes to, when there is one.</param>
/// <param name="PayerName">That payer's name.</param>
/// <param name="ProjectId">The project, when there is one.</param>
/// <param name="ProjectName">That project's name.</param>
/// <param name="Title">One line.</param>
/// <param name="Detail">The explanation with the numbers.</param>
/// <param name="SuggestedAction">What to do.</param>
/// <param name="Evidence">The rows and values behind it.</param>
public sealed record DiagnosticItem(
    string RuleId,
    LocalizedText RuleName,
    Severity Severity,
    SubjectKind SubjectKind,
    string SubjectId,
    decimal AmountAtRisk,
    string Currency,
    string? PayerId,
    string? PayerName,
    string? ProjectId,
    string? ProjectName,
    LocalizedText Title,
    LocalizedText Detail,
    LocalizedText SuggestedAction,
    IReadOnlyList<ItemEvidence> Evidence);
