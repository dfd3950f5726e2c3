namespace Allometry.Bot.Reports.Cards;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Spectre.Console;
using Spectre.Console.Rendering;

/// <summary>An answer card: headline figure, summary, facts and the cited rows as a table.</summary>
internal static class AnswerCardView
{
    public static void Write(IAnsiConsole console, AnswerCard card)
    {
        var fr = card.Language == Language.Fr;
        var rows = new List<IRenderable>();
        if (card.Headline is { } headline) rows.Add(new Markup($"[bold]{Markup.Escape(headline)}[/]"));
        if (card.Summary is { } summary) rows.Add(new Markup(Markup.Escape(summary)));
        if (card.Facts.Count > 0) rows.Add(CardStyle.Facts(card.Facts));
        if (card.Citations.Count > 0)
        {
            var table = new Table { Border = TableBorder.Simple };
            table.AddColumn(fr ? "Feuille" : "Sheet");
            table.AddColumn(fr ? "Ligne" : "Row");
            table.AddColumn("Description");
            table.AddColumn(new TableColumn(fr ? "Montant" : "Amount").RightAligned().NoWrap());
            foreach (var row in card.Citations)
            {
                table.AddRow(Markup.Escape(row.Sheet), Markup.Escape(row.RowId), Markup.Escape(row.Description), Markup.Escape(row.AmountText));
            }
            rows.Add(table);
        }
        if (card.MoreRows > 0)
        {
            rows.Add(new Markup($"[dim]{(fr ? $"… et {card.MoreRows} autres lignes" : $"… and {card.MoreRows} more rows")}[/]"));
        }
        if (rows.Count == 0) rows.Add(new Markup(Markup.Escape(card.FallbackText)));
        console.Write(new Panel(new Rows(rows)) { Header = new PanelHeader($" {Markup.Escape(card.Title)} "), Border = BoxBorder.Rounded, Expand = true });
        CardStyle.WriteActions(console, card.Actions, card.Language);
    }
}
