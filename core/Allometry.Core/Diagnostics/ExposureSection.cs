namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;

/// <summary>Where the receivables sit: by linked-entity group (or by payer when links are unknown).</summary>
/// <param name="Groups">The largest groups owing money, by open AR; single payers count as groups of one.</param>
/// <param name="LinkedGroups">Groups of two payers or more; null without the entity_links sheet.</param>
/// <param name="LinkedOpenAr">Open AR held by those groups.</param>
/// <param name="OverLimitGroups">Groups above their credit limit.</param>
/// <param name="UnavailableReason">Why groups are not known (each payer then stands alone); null when they are.</param>
/// <param name="Rules">What the linked-entity rules found (group over limit, payer change).</param>
public sealed record ExposureSection(
    IReadOnlyList<ExposureGroup> Groups,
    int? LinkedGroups,
    decimal? LinkedOpenAr,
    int OverLimitGroups,
    LocalizedText? UnavailableReason,
    TopicFindings Rules);
