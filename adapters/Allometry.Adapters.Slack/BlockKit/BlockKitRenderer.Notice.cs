namespace Allometry.Adapters.Slack.BlockKit;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;

internal static partial class BlockKitRenderer
{
    private static JsonArray Notice(NoticeCard card, BlockKitActions actions)
    {
        var l = card.Language;
        var icon = card.Kind switch
        {
            NoticeKind.Confirmation => ":white_check_mark:",
            NoticeKind.Warning => ":warning:",
            NoticeKind.Error => ":x:",
            _ => ":information_source:",
        };
        var text = $"{icon} {BlockKitText.Bold(card.Title)}";
        if (!string.IsNullOrWhiteSpace(card.Text))
        {
            text += "\n" + BlockKitText.Escape(card.Text);
        }
        var body = new List<JsonObject> { BlockKitBlocks.Section(text) };
        if (card.ReferenceId is { } reference)
        {
            var quoted = $"`{BlockKitText.Escape(reference)}`";
            body.Add(BlockKitBlocks.Context([Pick(l, $"Reference: {quoted}", $"Référence : {quoted}")]));
        }
        return Fit(body, actions.Blocks(card.Actions), l);
    }

    private static JsonArray Choices(ChoiceListCard card, BlockKitActions actions)
    {
        var l = card.Language;
        var body = new List<JsonObject> { BlockKitBlocks.Section(BlockKitText.Escape(card.Prompt)) };
        // Each choice is a button (a select option's 150-character value is too small for a question);
        // past what a message holds, the rest are counted.
        var maxChoices = (BlockKitLimits.MessageBlocks / 2) * BlockKitLimits.ActionsElements;
        var tail = actions.Blocks([.. card.Choices.Take(maxChoices)]);
        if (card.Choices.Count > maxChoices)
        {
            body.Add(BlockKitBlocks.Context([MoreNotShown(card.Choices.Count - maxChoices, l)]));
        }
        return Fit(body, tail, l);
    }
}
