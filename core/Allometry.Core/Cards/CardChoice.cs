namespace Allometry.Core.Cards;

/// <summary>One option of a choice input or a choice list ("Développements Laval inc." → <c>P-013</c>).</summary>
public sealed record CardChoice(string Title, string Value);
