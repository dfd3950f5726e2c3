namespace Allometry.Adapters.Slack.BlockKit;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;

internal static partial class BlockKitRenderer
{
    private static JsonArray Answer(AnswerCard card, BlockKitActions actions)
    {
        var l = card.Language;
        var body = new List<JsonObject> { BlockKitBlocks.Header(card.Title) };
        var lead = string.Join("\n", new[] { BlockKitText.Bold(card.Headline), BlockKitText.Escape(card.Summary) }.Where(s => s.Length > 0));
        if (lead.Length > 0)
        {
            body.Add(BlockKitBlocks.Section(lead));
        }
        body.AddRange(BlockKitBlocks.Fields(card.Facts));
        if (card.Citations.Count > 0)
        {
            // The rows go in as few sections as fit; a section is 3000 characters, a message 50 blocks.
            var lines = card.Citations.Select(c =>
                $"`{BlockKitText.Escape(c.Sheet)} {BlockKitText.Escape(c.RowId)}` {BlockKitText.Escape(c.Description)} — {BlockKitText.Bold(c.AmountText)}").ToList();
            body.Add(BlockKitBlocks.Divider());
            var section = new List<string>();
            var length = 0;
            foreach (var line in lines)
            {
                var cut = BlockKitText.Cut(line, BlockKitLimits.SectionText);
                if (section.Count > 0 && length + 1 + cut.Length > BlockKitLimits.SectionText)
                {
                    body.Add(BlockKitBlocks.Section(string.Join("\n", section)));
                    section.Clear();
                    length = 0;
                }
                length += (section.Count == 0 ? 0 : 1) + cut.Length;
                section.Add(cut);
            }
            body.Add(BlockKitBlocks.Section(string.Join("\n", section)));
        }
        if (card.MoreRows > 0)
        {
            body.Add(BlockKitBlocks.Context([MoreNotShown(card.MoreRows, l)]));
        }
        return Fit(body, actions.Blocks(card.Actions), l);
    }
}
