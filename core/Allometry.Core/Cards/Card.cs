namespace Allometry.Core.Cards;

using Allometry.Core.Localization;

/// <summary>
/// A channel-neutral view model: what a person should read and what they can do, already in their
/// language (<see cref="Language"/>) with money formatted for it. Adapters render cards as
/// Adaptive Cards, Block Kit or terminal text; they never compute or translate.
/// </summary>
public abstract record Card
{
    public required Language Language { get; init; }

    /// <summary>One line for notifications, screen readers and clients that cannot render cards.</summary>
    public required string FallbackText { get; init; }
}
