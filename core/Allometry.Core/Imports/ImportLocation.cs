namespace Allometry.Core.Imports;

/// <summary>Where a problem is: file, sheet, 1-based row (header = 1) and column. Any part may be unknown.</summary>
public sealed record ImportLocation(string? File, string? Sheet = null, int? Row = null, string? Column = null);
