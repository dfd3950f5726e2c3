namespace Allometry.Bot.Reports.Cards;

using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;
using Spectre.Console;

/// <summary>A morning digest: title and date, facts, one table row per item or project roll-up, and what was left out.</summary>
internal static class DigestCardView
{
    public static void Write(IAnsiConsole console, DigestCard card)
    {
        var fr = card.Language == Language.Fr;
        console.MarkupLine($"[bold]{Markup.Escape(card.Title)}[/] — {card.On:yyyy-MM-dd}");
        if (card.Facts.Count > 0) console.Write(CardStyle.Facts(card.Facts));
        if (card.Items.Count == 0)
        {
            console.MarkupLine(fr ? "[green]Rien à signaler ce matin.[/]" : "[green]Nothing to report this morning.[/]");
        }
        else
        {
            var table = new Table { Border = TableBorder.Rounded };
            table.AddColumn(fr ? "Gravité" : "Severity");
            table.AddColumn(fr ? "Élément" : "Item");
            table.AddColumn(new TableColumn(fr ? "Montant" : "Amount").RightAligned().NoWrap());
            table.AddColumn("#");
            foreach (var item in card.Items)
            {
                var colour = CardStyle.SeverityColour(item.Severity);
                var title = Markup.Escape(item.Title) + (item.Subtitle is { } sub ? $"\n[dim]{Markup.Escape(sub)}[/]" : "");
                table.AddRow(
                    $"[{colour}]{Markup.Escape(CardText.Severity(item.Severity, card.Language))}[/]",
                    title,
                    Markup.Escape(item.AmountText),
                    $"[dim]{string.Join(", ", item.ExceptionIds)}[/]");
            }
            console.Write(table);
        }
        if (card.MoreOpen > 0)
        {
            console.MarkupLine($"[dim]{(fr ? $"… et {card.MoreOpen} autres exceptions ouvertes" : $"… and {card.MoreOpen} more open exceptions")}[/]");
        }
    }
}
