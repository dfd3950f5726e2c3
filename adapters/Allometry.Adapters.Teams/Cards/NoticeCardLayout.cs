namespace Allometry.Adapters.Teams.Cards;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using static Allometry.Adapters.Teams.Cards.AdaptiveElements;

/// <summary>A confirmation, information, warning or error: a coloured band with the title, the text and the error's reference id.</summary>
internal static class NoticeCardLayout
{
    public static JsonArray Body(NoticeCard card)
    {
        var (style, color, mark) = card.Kind switch
        {
            NoticeKind.Confirmation => ("good", "Good", "✓"),
            NoticeKind.Warning => ("warning", "Warning", "!"),
            NoticeKind.Error => ("attention", "Attention", "✕"),
            _ => ("emphasis", "Accent", "i"),
        };
        var items = new List<JsonNode>
        {
            Columns(
                Column("auto", [Text(mark, size: "Large", weight: "Bolder", color: color)], "Center"),
                Column("stretch", [Text(card.Title, size: "Medium", weight: "Bolder")], "Center")),
        };
        if (card.Text is { } text) items.Add(Text(text));
        if (card.ReferenceId is { } reference) items.Add(Text(AdaptiveText.Reference(reference, card.Language), size: "Small", subtle: true, fontType: "Monospace"));
        return [Container(items, style: style, bleed: true)];
    }
}
