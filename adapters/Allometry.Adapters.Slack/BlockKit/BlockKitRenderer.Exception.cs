namespace Allometry.Adapters.Slack.BlockKit;

using System.Globalization;
using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using Allometry.Core.Localization;

internal static partial class BlockKitRenderer
{
    private static JsonArray Exception(ExceptionCard card, BlockKitActions actions)
    {
        var l = card.Language;
        var body = new List<JsonObject>
        {
            BlockKitBlocks.Header($"{card.SeverityLabel} · {card.Title}"),
            BlockKitBlocks.Section($"{SeverityIcon(card.Severity)} {BlockKitText.Bold(card.AmountText)} — {BlockKitText.Escape(card.Detail)}"),
        };
        body.AddRange(BlockKitBlocks.Fields(card.Facts));
        if (!string.IsNullOrWhiteSpace(card.SuggestedAction))
        {
            body.Add(BlockKitBlocks.Section($"{BlockKitText.Bold(Pick(l, "Suggested action", "Action suggérée"))}\n{BlockKitText.Escape(card.SuggestedAction)}"));
        }
        if (card.StatusLine is { } status && !string.IsNullOrWhiteSpace(status))
        {
            body.Add(BlockKitBlocks.Context([$":information_source: {BlockKitText.Escape(status)}"]));
        }
        if (card.Score is { } score)
        {
            var head = $"{BlockKitText.Bold(Pick(l, "Payer risk", "Risque du payeur"))} {Number(score, l)}/100" + (card.Tier is { } tier ? $" · {BlockKitText.Escape(tier)}" : "");
            body.Add(BlockKitBlocks.Context([head, .. card.ScoreFactors.Select(f => Factor(f, l))]));
        }
        if (card.Evidence.Count > 0)
        {
            var title = BlockKitText.Bold(Pick(l, "Evidence", "Preuves"));
            var lines = card.Evidence.Select(e => "• " + BlockKitText.Escape(e)).ToList();
            body.Add(BlockKitBlocks.Section(title + "\n" + BlockKitText.JoinLines(lines, BlockKitLimits.SectionText - title.Length - 1, n => MoreNotShown(n, l))));
        }
        var tail = actions.Blocks(card.Actions);
        return Fit(body, tail, l);
    }

    private static string Factor(ScoreFactorView f, Language language) =>
        $"{BlockKitText.Bold($"{f.Id} {f.Name}")} {Number(f.Points, language)}/{Number(f.Max, language)} — {BlockKitText.Escape(f.Explanation)}";

    // Points and scores are small decimals: "14" rather than "14.00", and French writes "62,5".
    private static string Number(decimal value, Language language)
    {
        var text = value.ToString("0.##", CultureInfo.InvariantCulture);
        return language == Language.Fr ? text.Replace('.', ',') : text;
    }
}
