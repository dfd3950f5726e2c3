namespace Allometry.Core.Cards;

/// <summary>One bar or slice: its label, exact value and the value as text.</summary>
public sealed record ChartPoint(string Label, decimal Value, string ValueText);
