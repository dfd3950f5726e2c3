namespace Allometry.Core.Cards;

/// <summary>A card that was posted: its address and the platform's message id (Slack ts, Teams activity id).</summary>
public sealed record PostedCard(ChannelAddress Address, string MessageId);
