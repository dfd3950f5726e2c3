namespace Allometry.Adapters.Teams.Activities;

using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Cards;
using Allometry.Core.Cards;
using Allometry.Core.People;

/// <summary>
/// Outbound message activities carrying one core card, rendered by <see cref="AdaptiveCardRenderer"/> with
/// Universal Actions (Teams clients without them fall back to the cards' <c>Action.Submit</c>), or with
/// <c>Action.Submit</c> only for the web chat, whose client does not send <c>adaptiveCard/action</c> invokes.
/// </summary>
internal static class CardActivities
{
    /// <summary>The card rendered for <paramref name="platform"/>; <paramref name="refreshUserIds"/> (Teams MRIs, see <c>RefreshAudience</c>) fill <c>refresh.userIds</c>.</summary>
    public static JsonObject Render(Card card, Platform platform = Platform.Teams, IReadOnlyList<string>? refreshUserIds = null) =>
        AdaptiveCardRenderer.Render(card, platform == Platform.WebChat
            ? AdaptiveRenderOptions.WebChat
            : AdaptiveRenderOptions.Teams with { RefreshUserIds = refreshUserIds ?? [] });

    /// <summary>A message activity with the card; the fallback text is the notification <c>summary</c>.</summary>
    public static Activity Message(Card card, string? id = null, Platform platform = Platform.Teams, IReadOnlyList<string>? refreshUserIds = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = id,
            Summary = card.FallbackText,
            Attachments = [new Attachment(Attachment.AdaptiveCard, Render(card, platform, refreshUserIds))],
        };
    }

    /// <summary>The submitted values with the renderer's per-action input ids turned back into <see cref="CardInput.Id"/> keys.</summary>
    public static IReadOnlyDictionary<string, string?> Unscope(IReadOnlyDictionary<string, string?> submitted) =>
        AdaptiveInputIds.Unscope(submitted);
}
