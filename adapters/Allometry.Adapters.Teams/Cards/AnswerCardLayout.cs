namespace Allometry.Adapters.Teams.Cards;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using static Allometry.Adapters.Teams.Cards.AdaptiveElements;

/// <summary>An answer: the title, the headline figure, the summary, the facts and the cited ledger rows as a table.</summary>
internal static class AnswerCardLayout
{
    public static JsonArray Body(AnswerCard card)
    {
        var l = card.Language;
        var body = new JsonArray { Text(card.Title, size: "Medium", weight: "Bolder") };
        if (card.Headline is { } headline) body.Add(Text(headline, size: "ExtraLarge", weight: "Bolder", color: "Accent", spacing: "Small"));
        if (card.Summary is { } summary) body.Add(Text(summary));
        if (card.Facts.Count > 0) body.Add(Facts(card.Facts));
        if (card.Citations.Count > 0)
        {
            body.Add(Heading(AdaptiveText.Rows(l)));
            body.Add(Table(
                [AdaptiveText.Row(l), AdaptiveText.Description(l), AdaptiveText.Amount(l)],
                card.Citations.Select(c => (IReadOnlyList<string>)[$"{c.Sheet} {c.RowId}", c.Description, c.AmountText]),
                [2, 4, 2]));
        }
        if (card.MoreRows > 0) body.Add(Text(AdaptiveText.MoreRows(card.MoreRows, l), subtle: true, size: "Small"));
        return body;
    }
}
