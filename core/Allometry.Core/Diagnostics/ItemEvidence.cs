namespace Allometry.Core.Diagnostics;

using Allometry.Core.Localization;

/// <summary>One fact behind a finding, as the rule recorded it (see <see cref="Rules.Evidence"/>).</summary>
/// <param name="Sheet">The sheet of the row.</param>
/// <param name="RowId">The row's id in that sheet.</param>
/// <param name="Field">The column.</param>
/// <param name="Expected">The value the rule expected, invariant text; null when it has no single expected value.</param>
/// <param name="Actual">The value found, invariant text.</param>
/// <param name="Note">A sentence about it.</param>
public sealed record ItemEvidence(string Sheet, string RowId, string Field, string? Expected, string? Actual, LocalizedText? Note);
