namespace Allometry.Adapters.Slack.BlockKit;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;

internal static partial class BlockKitRenderer
{
    private static JsonArray Weekly(WeeklySummaryCard card, BlockKitActions actions)
    {
        var l = card.Language;
        var body = new List<JsonObject>
        {
            BlockKitBlocks.Header(card.Title),
            BlockKitBlocks.Context([Pick(l, $"Week ending {CardText.Date(card.WeekEnding)}", $"Semaine se terminant le {CardText.Date(card.WeekEnding)}")]),
        };
        body.AddRange(BlockKitBlocks.Fields(card.Headlines));
        foreach (var chart in card.Charts)
        {
            var title = BlockKitText.Bold(chart.Title);
            // The fence takes 8 characters ("```\n" and "\n```"); the bars get the rest of the section.
            var bars = BlockKitText.JoinLines([.. TextBars.Lines(chart).Select(BlockKitText.Escape)], BlockKitLimits.SectionText - title.Length - 9, n => MoreNotShown(n, l).Trim('_'));
            body.Add(BlockKitBlocks.Section($"{title}\n```\n{bars}\n```"));
        }
        foreach (var section in card.Sections)
        {
            var title = BlockKitText.Bold(section.Title);
            var lines = section.Lines.Select(line => "• " + BlockKitText.Escape(line)).ToList();
            body.Add(BlockKitBlocks.Section(title + "\n" + BlockKitText.JoinLines(lines, BlockKitLimits.SectionText - title.Length - 1, n => MoreNotShown(n, l))));
        }
        return Fit(body, actions.Blocks(card.Actions), l);
    }
}
