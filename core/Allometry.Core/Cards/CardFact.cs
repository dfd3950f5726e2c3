namespace Allometry.Core.Cards;

/// <summary>A label and its value, both ready to show ("Balance", "1 234,56 $").</summary>
public sealed record CardFact(string Label, string Value);
