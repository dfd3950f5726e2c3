namespace Allometry.Bot.Reports.Cards;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Spectre.Console;
using Spectre.Console.Rendering;

/// <summary>An exception card as a coloured panel: title, amount, status, facts, score factors, evidence, actions.</summary>
internal static class ExceptionCardView
{
    public static void Write(IAnsiConsole console, ExceptionCard card)
    {
        var fr = card.Language == Language.Fr;
        var colour = CardStyle.SeverityColour(card.Severity);
        var rows = new List<IRenderable>
        {
            new Markup($"[bold {colour}]{Markup.Escape(card.SeverityLabel)}[/]  [bold]{Markup.Escape(card.AmountText)}[/]  [dim]#{card.ExceptionId} · {Markup.Escape(card.RuleId)} · v{card.Version}[/]"),
            new Markup(Markup.Escape(card.Detail)),
        };
        if (card.StatusLine is { } status) rows.Add(new Markup($"[italic yellow]{Markup.Escape(status)}[/]"));
        rows.Add(new Markup($"[green]→[/] {Markup.Escape(card.SuggestedAction)}"));
        if (card.Facts.Count > 0) rows.Add(CardStyle.Facts(card.Facts));
        if (card.Score is { } score)
        {
            rows.Add(new Markup($"[bold]{(fr ? "Score de risque" : "Risk score")}[/] {CardStyle.Number(score, card.Language)}/100{(card.Tier is { } tier ? $" · {Markup.Escape(tier)}" : "")}"));
        }
        if (card.ScoreFactors.Count > 0)
        {
            var table = new Table { Border = TableBorder.Simple };
            table.AddColumn(fr ? "Facteur" : "Factor");
            table.AddColumn(new TableColumn("Points").RightAligned().NoWrap());
            table.AddColumn(fr ? "Pourquoi" : "Why");
            foreach (var factor in card.ScoreFactors)
            {
                table.AddRow(
                    $"{Markup.Escape(factor.Id)} {Markup.Escape(factor.Name)}",
                    $"{CardStyle.Number(factor.Points, card.Language)}/{CardStyle.Number(factor.Max, card.Language)}",
                    Markup.Escape(factor.Explanation));
            }
            rows.Add(table);
        }
        if (card.Evidence.Count > 0)
        {
            rows.Add(new Markup($"[bold]{(fr ? "Preuves" : "Evidence")}[/]"));
            foreach (var line in card.Evidence) rows.Add(new Markup($"  [dim]·[/] {Markup.Escape(line)}"));
        }
        var panel = new Panel(new Rows(rows))
        {
            Header = new PanelHeader($" {Markup.Escape(card.Title)} "),
            Border = BoxBorder.Rounded,
            BorderStyle = new Style(CardStyle.ColourOf(colour)),
            Expand = true,
        };
        console.Write(panel);
        CardStyle.WriteActions(console, card.Actions, card.Language);
    }
}
