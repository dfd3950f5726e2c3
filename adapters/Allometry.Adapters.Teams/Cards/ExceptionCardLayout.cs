namespace Allometry.Adapters.Teams.Cards;

using System.Globalization;
using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using static Allometry.Adapters.Teams.Cards.AdaptiveElements;

/// <summary>
/// An exception: a band in the severity's colour (severity, amount at risk, title, status), the detail,
/// the suggested action, the facts, the payer's risk score with its factors, and the evidence rows.
/// </summary>
internal static class ExceptionCardLayout
{
    public static JsonArray Body(ExceptionCard card)
    {
        var l = card.Language;
        var header = new List<JsonNode>
        {
            Columns(
                Column("stretch", [Text(card.SeverityLabel.ToUpperInvariant(), size: "Small", weight: "Bolder", color: SeverityColor(card.Severity))], "Center"),
                Column("auto", [Text(card.AmountText, size: "Large", weight: "Bolder")], "Center")),
            Text(card.Title, size: "Medium", weight: "Bolder", spacing: "Small"),
        };
        if (card.StatusLine is { } status) header.Add(Text(status, subtle: true, spacing: "Small"));
        var body = new JsonArray
        {
            Container(header, style: SeverityStyle(card.Severity), bleed: true),
            Text(card.Detail),
            Container(
            [
                Text(AdaptiveText.SuggestedAction(l), size: "Small", weight: "Bolder", color: "Accent"),
                Text(card.SuggestedAction, spacing: "None"),
            ], spacing: "Medium"),
        };
        var facts = card.Facts.ToList();
        if (card.Score is { } score)
        {
            var value = score.ToString("0.#", CultureInfo.InvariantCulture) + "/100" + (card.Tier is { } tier ? $" ({tier})" : "");
            facts.Add(new CardFact(AdaptiveText.RiskScore(l), value));
        }
        if (facts.Count > 0) body.Add(Facts(facts));
        if (card.ScoreFactors.Count > 0)
        {
            // Seven factors with their explanations would double the card: they fold out on demand.
            var factorsId = $"factors-{card.ExceptionId.ToString(CultureInfo.InvariantCulture)}";
            var heading = Heading(AdaptiveText.WhyThisScore(l) + " ▾");
            heading["color"] = "Accent";
            var toggle = Container([heading]);
            toggle["selectAction"] = new JsonObject
            {
                ["type"] = "Action.ToggleVisibility",
                ["title"] = AdaptiveText.WhyThisScore(l),
                ["targetElements"] = new JsonArray(factorsId),
            };
            body.Add(toggle);
            var factors = Container(card.ScoreFactors.Select(f => (JsonNode)Container(
            [
                Columns(
                    Column("stretch", [Text($"{f.Id} {f.Name}", size: "Small", weight: "Bolder")]),
                    Column("auto", [Text($"{Points(f.Points)}/{Points(f.Max)}", size: "Small", weight: "Bolder")])),
                Text(f.Explanation, size: "Small", subtle: true, spacing: "None"),
            ], spacing: "Small")));
            factors["id"] = factorsId;
            factors["isVisible"] = false;
            body.Add(factors);
        }
        if (card.Evidence.Count > 0)
        {
            body.Add(Heading(AdaptiveText.Evidence(l)));
            foreach (var line in card.Evidence)
            {
                body.Add(Text(line, size: "Small", fontType: "Monospace", spacing: "Small"));
            }
        }
        return body;
    }

    private static string Points(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
