namespace Allometry.Bot.Reports.Cards;

using Allometry.Core.Cards;
using Spectre.Console;

/// <summary>The weekly executive summary: headline figures with deltas, charts as text bars, sections of lines.</summary>
internal static class WeeklySummaryView
{
    public static void Write(IAnsiConsole console, WeeklySummaryCard card)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(card.Title)}[/] — {card.WeekEnding:yyyy-MM-dd}") { Justification = Justify.Left });
        if (card.Headlines.Count > 0) console.Write(CardStyle.Facts(card.Headlines));
        foreach (var chart in card.Charts)
        {
            console.MarkupLine($"[bold]{Markup.Escape(chart.Title)}[/]");
            var table = new Table { Border = TableBorder.None, ShowHeaders = false };
            table.AddColumn(new TableColumn("").NoWrap());
            table.AddColumn(new TableColumn("").NoWrap());
            table.AddColumn(new TableColumn("").RightAligned().NoWrap());
            var max = chart.Points.Count == 0 ? 0m : chart.Points.Max(p => p.Value);
            foreach (var point in chart.Points)
            {
                table.AddRow(Markup.Escape(point.Label), $"[blue]{CardStyle.Bar(point.Value, max)}[/]", Markup.Escape(point.ValueText));
            }
            console.Write(table);
        }
        foreach (var section in card.Sections)
        {
            console.MarkupLine($"[bold]{Markup.Escape(section.Title)}[/]");
            foreach (var line in section.Lines) console.MarkupLine($"  · {Markup.Escape(line)}");
        }
        CardStyle.WriteActions(console, card.Actions, card.Language);
    }
}
