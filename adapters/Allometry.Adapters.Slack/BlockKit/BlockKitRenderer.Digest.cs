namespace Allometry.Adapters.Slack.BlockKit;

using System.Text.Json.Nodes;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;

internal static partial class BlockKitRenderer
{
    /// <summary>The question a digest's "show more" button asks: the whole queue, in either language.</summary>
    internal const string ShowMoreQuestion = "queue";

    private static JsonArray Digest(DigestCard card, BlockKitActions actions)
    {
        var l = card.Language;
        var head = new List<JsonObject> { BlockKitBlocks.Header($"{card.Title} — {CardText.Date(card.On)}") };
        head.AddRange(BlockKitBlocks.Fields(card.Facts));
        if (card.Items.Count == 0)
        {
            head.Add(BlockKitBlocks.Section(BlockKitText.Escape(Pick(l, "Nothing to report this morning.", "Rien à signaler ce matin."))));
            return Fit(head, [], l);
        }
        head.Add(BlockKitBlocks.Divider());

        // One section per line; when they do not all fit in 50 blocks, the last two blocks say how many
        // lines are left out and offer the full queue.
        var room = BlockKitLimits.MessageBlocks - head.Count;
        var shown = card.Items.Count <= room ? card.Items.Count : room - 2;
        var body = new List<JsonObject>(head);
        foreach (var item in card.Items.Take(shown))
        {
            var text = $"{SeverityIcon(item.Severity)} {BlockKitText.Bold(item.Title)} — {BlockKitText.Escape(item.AmountText)}";
            if (!string.IsNullOrWhiteSpace(item.Subtitle))
            {
                text += "\n" + BlockKitText.Escape(item.Subtitle);
            }
            body.Add(BlockKitBlocks.Section(text, actions.Accessory(item.Actions)));
        }
        var hiddenLines = card.Items.Count - shown;
        var notes = new List<string>();
        if (hiddenLines > 0)
        {
            notes.Add(MoreNotShown(hiddenLines, l));
        }
        if (card.MoreOpen > 0)
        {
            notes.Add(Pick(l, $"{Count(card.MoreOpen)} more open exceptions are in the queue.", $"{Count(card.MoreOpen)} autres exceptions ouvertes sont dans la file."));
        }
        if (notes.Count > 0)
        {
            body.Add(BlockKitBlocks.Context(notes));
        }
        var tail = hiddenLines > 0 || card.MoreOpen > 0
            ? actions.Blocks([new CardAction
            {
                Verb = ActionVerb.Ask,
                Title = Pick(l, "Show the full queue", "Voir toute la file"),
                Data = new Dictionary<string, string> { ["question"] = ShowMoreQuestion },
            }])
            : [];
        return Fit(body, tail, l);
    }
}
