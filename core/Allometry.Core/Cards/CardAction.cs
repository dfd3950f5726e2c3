namespace Allometry.Core.Cards;

using Allometry.Core.Actions;

/// <summary>
/// A button. Its <see cref="Data"/> (verb, exception id, version and preset arguments such as
/// <c>days=3</c>) comes back with the click together with the <see cref="Inputs"/>' values, and is
/// parsed into an <see cref="ActionRequest"/> by core, whatever the channel.
/// </summary>
public sealed record CardAction
{
    public required ActionVerb Verb { get; init; }
    public required string Title { get; init; }
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
    public long? ExceptionId { get; init; }
    /// <summary>The exception version the card shows; a click on an older version is stale.</summary>
    public int? ExceptionVersion { get; init; }
    public CardTone Tone { get; init; } = CardTone.Neutral;
    /// <summary>Inputs shown with this action (in a modal on Slack, inline on Teams).</summary>
    public IReadOnlyList<CardInput> Inputs { get; init; } = [];
    /// <summary>A confirmation question for consequential actions (retainage release); null when none.</summary>
    public string? Confirmation { get; init; }
    /// <summary>Secondary actions go in an overflow menu where the channel has one.</summary>
    public bool Secondary { get; init; }
}
