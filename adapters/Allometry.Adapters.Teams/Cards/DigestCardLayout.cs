namespace Allometry.Adapters.Teams.Cards;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using static Allometry.Adapters.Teams.Cards.AdaptiveElements;

/// <summary>
/// The morning digest: title, date and totals, then one row per line (severity, title, where, amount);
/// a row opens its exception when clicked (its first action without inputs is the row's <c>selectAction</c>).
/// </summary>
internal static class DigestCardLayout
{
    public static JsonArray Body(DigestCard card, AdaptiveActionWriter writer)
    {
        var l = card.Language;
        var body = new JsonArray
        {
            Text(card.Title, size: "Medium", weight: "Bolder"),
            Text(CardText.Date(card.On), subtle: true, spacing: "None"),
        };
        if (card.Facts.Count > 0) body.Add(Facts(card.Facts));
        foreach (var item in card.Items)
        {
            body.Add(Item(item, writer, l));
        }
        if (card.MoreOpen > 0) body.Add(Text(AdaptiveText.MoreOpen(card.MoreOpen, l), subtle: true, size: "Small"));
        return body;
    }

    private static JsonObject Item(DigestItem item, AdaptiveActionWriter writer, Core.Localization.Language l)
    {
        var middle = new List<JsonNode> { Text(item.Title, weight: "Bolder") };
        if (item.Subtitle is { } subtitle) middle.Add(Text(subtitle, size: "Small", subtle: true, spacing: "None"));
        var row = Columns(
            Column("auto", [Text(CardText.Severity(item.Severity, l), size: "Small", weight: "Bolder", color: SeverityColor(item.Severity))]),
            Column("stretch", middle),
            Column("auto", [Text(item.AmountText, weight: "Bolder")]));
        var container = Container([row], spacing: "Medium");
        container["separator"] = true;
        var open = item.Actions.FirstOrDefault(a => a.Inputs.Count == 0 && a.Confirmation is null);
        if (open is not null) container["selectAction"] = writer.Button(open, open.Title);
        var others = item.Actions.Where(a => !ReferenceEquals(a, open)).ToList();
        if (others.Count > 0)
        {
            ((JsonArray)container["items"]!).Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray([.. others.Select(a => (JsonNode)writer.Action(a with { Secondary = false }))]),
            });
        }
        return container;
    }
}
