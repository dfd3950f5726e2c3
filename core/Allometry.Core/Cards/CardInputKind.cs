namespace Allometry.Core.Cards;

/// <summary>What a card input asks for.</summary>
public enum CardInputKind { Text, MultilineText, Date, Amount, Choice }
