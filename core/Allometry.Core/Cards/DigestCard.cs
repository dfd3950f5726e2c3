namespace Allometry.Core.Cards;

/// <summary>The morning digest of a channel subscription: the top exceptions by queue order, rolled up by project.</summary>
public sealed record DigestCard : Card
{
    public required string Title { get; init; }
    public required DateOnly On { get; init; }
    public required IReadOnlyList<DigestItem> Items { get; init; }
    public IReadOnlyList<CardFact> Facts { get; init; } = [];
    /// <summary>Open exceptions matching the subscription beyond the ones listed.</summary>
    public int MoreOpen { get; init; }
}
