namespace Allometry.Adapters.Slack.BlockKit;

using System.Globalization;
using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// Renders core cards as Slack Block Kit. This is the folder's API; everything else in it is a helper.
/// <list type="bullet">
/// <item><see cref="Render"/>(card) → <see cref="BlockKitMessage"/> <c>{ text, blocks }</c> for
/// <c>chat.postMessage</c>, <c>chat.update</c>, <c>chat.postEphemeral</c> and <c>response_url</c>.</item>
/// <item><see cref="RenderModal"/>(action, language, origin?) → the <c>view</c> for <c>views.open</c>
/// asking for the action's inputs (<see cref="BlockKitModal"/>).</item>
/// <item><see cref="ReadSubmission"/>(view) → the payload plus input values for
/// <see cref="InboundAction.Data"/>, and where the clicked card is (<see cref="ModalSubmission"/>).</item>
/// <item><see cref="InputErrors"/>(reply.InputErrors, view?) → <c>{"response_action":"errors",…}</c>, the
/// acknowledgement of a <c>view_submission</c> whose inputs were refused (pass the submitted view so an
/// error about an input the modal lacks lands on its first input rather than making Slack refuse the reply).</item>
/// <item>Clicks: <c>actions[0].action_id</c> starts with <c>act:</c> (a button; payload in <c>value</c>) or
/// <c>more:</c> (an overflow; payload in <c>selected_option.value</c>); read the payload with
/// <see cref="BlockKitActionValue.TryRead(string?, out IReadOnlyDictionary{string, string?})"/>.</item>
/// </list>
/// Every limit of <see cref="BlockKitLimits"/> holds for any card: long texts end in "…", lists too
/// long for a message end in a line saying how many more there are (and, for the digest, a button
/// asking for the full queue).
/// </summary>
internal static partial class BlockKitRenderer
{
    /// <summary>The message for <paramref name="card"/>.</summary>
    public static BlockKitMessage Render(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var actions = new BlockKitActions(card.Language);
        var blocks = card switch
        {
            ExceptionCard c => Exception(c, actions),
            AnswerCard c => Answer(c, actions),
            DigestCard c => Digest(c, actions),
            WeeklySummaryCard c => Weekly(c, actions),
            NoticeCard c => Notice(c, actions),
            ChoiceListCard c => Choices(c, actions),
            _ => throw new ArgumentException($"No Block Kit rendering for card type {card.GetType().Name}.", nameof(card)),
        };
        return new BlockKitMessage(BlockKitText.Cut(NonEmpty(card.FallbackText), BlockKitLimits.MessageText), blocks);
    }

    /// <summary>The modal for an action with inputs; see <see cref="BlockKitModal.Build"/>.</summary>
    public static JsonObject RenderModal(CardAction action, Language language, ModalOrigin? origin = null) =>
        BlockKitModal.Build(action, language, origin);

    /// <summary>Reads a <c>view_submission</c>'s <c>view</c>; see <see cref="BlockKitModal.ReadSubmission"/>.</summary>
    public static ModalSubmission ReadSubmission(JsonNode view) => BlockKitModal.ReadSubmission(view);

    /// <summary>The <c>view_submission</c> acknowledgement showing refused inputs inline; see <see cref="BlockKitModal.Errors"/>.</summary>
    public static JsonObject InputErrors(IReadOnlyDictionary<string, string> errors, JsonNode? view = null) => BlockKitModal.Errors(errors, view);

    /// <summary>
    /// Body blocks, then the tail (actions) always kept; when they exceed <paramref name="limit"/> the body is cut and a
    /// context line says how many of its blocks were left out.
    /// </summary>
    internal static JsonArray Fit(List<JsonObject> body, IReadOnlyList<JsonObject> tail, Language language, int limit = BlockKitLimits.MessageBlocks)
    {
        var kept = tail.Take(limit / 2).ToList();
        if (body.Count + kept.Count > limit)
        {
            var room = limit - kept.Count - 1;
            var hidden = body.Count - room;
            body = [.. body.Take(room), BlockKitBlocks.Context([MoreNotShown(hidden, language)])];
        }
        return new JsonArray([.. body, .. kept]);
    }

    internal static string MoreNotShown(int count, Language language) => language == Language.Fr
        ? $"_… et {Count(count)} de plus, non affichés ici_"
        : $"_… and {Count(count)} more, not shown here_";

    internal static string SeverityIcon(Severity severity) => severity switch
    {
        Severity.Critical => ":red_circle:",
        Severity.High => ":large_orange_circle:",
        Severity.Medium => ":large_yellow_circle:",
        Severity.Low => ":large_blue_circle:",
        _ => ":white_circle:",
    };

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Pick(Language language, string en, string fr) => language == Language.Fr ? fr : en;

    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? "Allometry" : text;
}
