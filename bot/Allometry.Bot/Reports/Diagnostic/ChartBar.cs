namespace Allometry.Bot.Reports.Diagnostic;

/// <summary>One bar of a chart: its label, value, printed value, CSS class (colour) and an optional marker (a limit).</summary>
internal sealed record ChartBar(string Label, decimal Value, string ValueText, string CssClass, decimal? Marker = null, string? MarkerText = null);
