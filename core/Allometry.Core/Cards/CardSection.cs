namespace Allometry.Core.Cards;

/// <summary>A titled list of short lines inside a card.</summary>
public sealed record CardSection(string Title, IReadOnlyList<string> Lines);
