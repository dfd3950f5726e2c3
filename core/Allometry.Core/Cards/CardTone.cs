namespace Allometry.Core.Cards;

/// <summary>How loud a card or a button should look; maps to Adaptive Card/Block Kit styles.</summary>
public enum CardTone { Neutral, Good, Attention, Warning, Critical }
