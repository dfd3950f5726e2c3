namespace Allometry.Core.Cards;

/// <summary>A chart of the weekly summary, with its text fallback built from the same points.</summary>
public sealed record ChartData(string Title, ChartKind Kind, IReadOnlyList<ChartPoint> Points);
