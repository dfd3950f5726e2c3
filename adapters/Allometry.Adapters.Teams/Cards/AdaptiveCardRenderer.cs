namespace Allometry.Adapters.Teams.Cards;

using System.Text.Json.Nodes;
using Allometry.Core.Actions;
using Allometry.Core.Cards;

/// <summary>
/// Renders every core <see cref="Card"/> as an Adaptive Card 1.5 (<see cref="JsonObject"/>), for Teams
/// and for the web chat.
/// </summary>
/// <remarks>
/// API (stable; the Teams channel and the web-chat pipeline call it):
/// <list type="bullet">
/// <item><c>AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.Teams)</c> — Universal Actions:
/// <c>Action.Execute</c> with <c>verb</c> = the action's snake_case code and <c>data</c> =
/// <see cref="Allometry.Core.Conversations.CardActionPayload.ToData"/>, an <c>Action.Submit</c> fallback,
/// and on exception cards a <c>refresh</c> (verb <c>refresh</c>, the view payload, <c>userIds</c> from
/// <see cref="AdaptiveRenderOptions.RefreshUserIds"/>) so each viewer gets the buttons their role allows.</item>
/// <item><c>AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.WebChat)</c> — <c>Action.Submit</c> only.</item>
/// <item><c>AdaptiveCardRenderer.Attachment(card, options)</c> — the Bot Framework attachment
/// <c>{contentType, content}</c>; <see cref="Card.FallbackText"/> is the activity's <c>text</c>/<c>summary</c>.</item>
/// <item>Inputs are scoped per action (<see cref="AdaptiveInputIds"/>): run the submitted data through
/// <see cref="AdaptiveInputIds.Unscope"/> before handing it to the conversation core.</item>
/// </list>
/// The renderer never computes or translates: text and money arrive localized in the card model.
/// </remarks>
internal static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The Adaptive Card for <paramref name="card"/>.</summary>
    public static JsonObject Render(Card card, AdaptiveRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RefreshUserIds.Count > AdaptiveRenderOptions.MaxRefreshUserIds)
        {
            throw new ArgumentException(
                $"refresh.userIds takes at most {AdaptiveRenderOptions.MaxRefreshUserIds} users; {options.RefreshUserIds.Count} were given.", nameof(options));
        }
        var writer = new AdaptiveActionWriter(options, card.Language);
        var (body, actions) = card switch
        {
            ExceptionCard c => (ExceptionCardLayout.Body(c), c.Actions),
            AnswerCard c => (AnswerCardLayout.Body(c), c.Actions),
            DigestCard c => (DigestCardLayout.Body(c, writer), []),
            WeeklySummaryCard c => (WeeklySummaryLayout.Body(c), c.Actions),
            NoticeCard c => (NoticeCardLayout.Body(c), c.Actions),
            ChoiceListCard c => (ChoiceListLayout.Body(c, writer), []),
            _ => throw new ArgumentException($"No Adaptive Card layout for {card.GetType().Name}.", nameof(card)),
        };
        var root = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            // No "lang": the text is already localized, and the official renderer validates "lang" with a
            // stateful (global) regex that refuses every other card.
            ["fallbackText"] = card.FallbackText,
            ["speak"] = card.FallbackText,
        };
        if (options.Mode == AdaptiveActionMode.UniversalActions && card is ExceptionCard exception)
        {
            var refresh = new JsonObject { ["action"] = AdaptiveActionWriter.Refresh(View(exception)) };
            if (options.RefreshUserIds.Count > 0) refresh["userIds"] = new JsonArray([.. options.RefreshUserIds.Select(id => (JsonNode)id)]);
            root["refresh"] = refresh;
        }
        root["body"] = body;
        if (actions.Count > 0) root["actions"] = writer.Actions(actions);
        if (options.TeamsFullWidth) root["msteams"] = new JsonObject { ["width"] = "Full" };
        return root;
    }

    /// <summary>The Bot Framework attachment carrying the rendered card.</summary>
    public static JsonObject Attachment(Card card, AdaptiveRenderOptions options) => new()
    {
        ["contentType"] = ContentType,
        ["content"] = Render(card, options),
    };

    private static CardAction View(ExceptionCard card) => new()
    {
        Verb = ActionVerb.View,
        Title = card.Title,
        ExceptionId = card.ExceptionId,
        ExceptionVersion = card.Version,
    };
}
