namespace Allometry.Adapters.Teams.Cards;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using static Allometry.Adapters.Teams.Cards.AdaptiveElements;

/// <summary>
/// The weekly exposure summary: the headline figures as a text table, each chart as a Teams chart
/// element (<c>Chart.VerticalBar</c>, <c>Chart.HorizontalBar</c>, <c>Chart.Donut</c>, <c>Chart.Line</c>)
/// whose <c>fallback</c> draws the same points as text bars for hosts without charts, then the sections.
/// </summary>
internal static class WeeklySummaryLayout
{
    private const int BarWidth = 12;

    public static JsonArray Body(WeeklySummaryCard card)
    {
        var l = card.Language;
        var body = new JsonArray
        {
            Text(card.Title, size: "Medium", weight: "Bolder"),
            Text(AdaptiveText.WeekEnding(card.WeekEnding, l), subtle: true, spacing: "None"),
            Table([AdaptiveText.Figure(l), AdaptiveText.Value(l)], card.Headlines.Select(h => (IReadOnlyList<string>)[h.Label, h.Value]), [3, 2]),
        };
        foreach (var chart in card.Charts)
        {
            body.Add(Heading(chart.Title));
            body.Add(Chart(chart));
        }
        foreach (var section in card.Sections)
        {
            body.Add(Heading(section.Title));
            foreach (var line in section.Lines)
            {
                body.Add(Text(line, spacing: "Small"));
            }
        }
        return body;
    }

    /// <summary>The Teams chart element for <paramref name="chart"/>, with the text-bar fallback.</summary>
    public static JsonObject Chart(ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        JsonArray XY() => new([.. chart.Points.Select(p => (JsonNode)new JsonObject { ["x"] = p.Label, ["y"] = p.Value })]);
        var (type, data) = chart.Kind switch
        {
            ChartKind.VerticalBar => ("Chart.VerticalBar", XY()),
            ChartKind.HorizontalBar => ("Chart.HorizontalBar", XY()),
            ChartKind.Donut => ("Chart.Donut", new JsonArray([.. chart.Points.Select(p => (JsonNode)new JsonObject { ["legend"] = p.Label, ["value"] = p.Value })])),
            ChartKind.Line => ("Chart.Line", new JsonArray(new JsonObject { ["legend"] = chart.Title, ["values"] = XY() })),
            _ => throw new ArgumentOutOfRangeException(nameof(chart), chart.Kind, "Unknown chart kind."),
        };
        return new JsonObject
        {
            ["type"] = type,
            ["title"] = chart.Title,
            ["colorSet"] = "categorical",
            ["data"] = data,
            ["fallback"] = TextBars(chart),
        };
    }

    /// <summary>The chart as rows of "label ████░░ value", for hosts that do not draw Teams charts.</summary>
    public static JsonObject TextBars(ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var max = chart.Points.Count == 0 ? 0m : chart.Points.Max(p => Math.Abs(p.Value));
        var rows = chart.Points.Select(p =>
        {
            var filled = max == 0m ? 0 : (int)Math.Round(Math.Abs(p.Value) / max * BarWidth, MidpointRounding.AwayFromZero);
            var bar = new string('█', filled) + new string('░', BarWidth - filled);
            return (JsonNode)Columns(
                Column("2", [Text(p.Label, size: "Small")]),
                Column("3", [Text(bar, size: "Small", color: "Accent", fontType: "Monospace")]),
                Column("2", [Text(p.ValueText, size: "Small", weight: "Bolder")]));
        });
        return Container(rows);
    }
}
