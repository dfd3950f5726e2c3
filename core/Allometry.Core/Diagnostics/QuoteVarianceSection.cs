namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;

/// <summary>Quotes compared with what was invoiced.</summary>
/// <param name="AcceptedQuotes">Accepted quotes; null without the quotes sheet.</param>
/// <param name="AcceptedQuotedTotal">Their totals before tax.</param>
/// <param name="UnavailableReason">Why quotes could not be compared; null when they were.</param>
/// <param name="Rules">What the variance rule found.</param>
public sealed record QuoteVarianceSection(int? AcceptedQuotes, decimal? AcceptedQuotedTotal, LocalizedText? UnavailableReason, TopicFindings Rules);
