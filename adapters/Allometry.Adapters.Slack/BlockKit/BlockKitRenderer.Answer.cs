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
        var tail = actions.Blocks(card.Actions);
        var hiddenRows = card.MoreRows;
        if (card.Citations.Count > 0)
        {
            body.Add(BlockKitBlocks.Divider());
            // Rows go in as few 3000-character sections as fit; sections past the 50-block budget
            // (keeping the actions and one line for the count) are counted in rows, not blocks.
            var sections = CitationSections(card.Citations);
            var room = Math.Max(1, BlockKitLimits.MessageBlocks - body.Count - tail.Count - 1);
            body.AddRange(sections.Take(room).Select(s => s.Block));
            hiddenRows += sections.Skip(room).Sum(s => s.Rows);
        }
        if (hiddenRows > 0)
        {
            body.Add(BlockKitBlocks.Context([MoreNotShown(hiddenRows, l)]));
        }
        return Fit(body, tail, l);
    }

    private static List<(JsonObject Block, int Rows)> CitationSections(IReadOnlyList<CitedRow> citations)
    {
        var sections = new List<(JsonObject, int)>();
        var lines = new List<string>();
        var length = 0;
        foreach (var c in citations)
        {
            var line = BlockKitText.Cut(
                $"`{BlockKitText.Escape(c.Sheet)} {BlockKitText.Escape(c.RowId)}` {BlockKitText.Escape(c.Description)} — {BlockKitText.Bold(c.AmountText)}",
                BlockKitLimits.SectionText);
            if (lines.Count > 0 && length + 1 + line.Length > BlockKitLimits.SectionText)
            {
                sections.Add((BlockKitBlocks.Section(string.Join("\n", lines)), lines.Count));
                lines.Clear();
                length = 0;
            }
            length += (lines.Count == 0 ? 0 : 1) + line.Length;
            lines.Add(line);
        }
        sections.Add((BlockKitBlocks.Section(string.Join("\n", lines)), lines.Count));
        return sections;
    }
}
