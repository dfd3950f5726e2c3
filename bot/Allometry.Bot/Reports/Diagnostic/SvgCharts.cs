namespace Allometry.Bot.Reports.Diagnostic;

using System.Globalization;
using System.Text;

/// <summary>
/// Inline SVG bar charts: no script, no font, no external file. Each chart carries a title and a
/// description for screen readers, and the report puts the same figures in a table beside it.
/// Colours come from CSS classes so the print style can turn them to greys.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 560;

    /// <summary>Vertical bars on a zero baseline (negative values hang below it).</summary>
    public static string Columns(string id, string title, string description, IReadOnlyList<ChartBar> bars)
    {
        const int top = 30, bottom = 46, side = 12, height = 270;
        var plot = height - top - bottom;
        var (min, max) = Range(bars.Select(b => b.Value));
        double Y(decimal v) => top + (double)((max - v) / (max - min)) * plot;
        var slot = (Width - 2.0 * side) / Math.Max(1, bars.Count);
        var barWidth = Math.Min(72.0, slot * 0.62);

        var svg = Open(id, title, description, height);
        svg.Append(Line(side, Y(0), Width - side, Y(0), "axis"));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = side + slot * i + (slot - barWidth) / 2;
            var (y0, y1) = (Y(Math.Max(bar.Value, 0m)), Y(Math.Min(bar.Value, 0m)));
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{bar.CssClass}\" x=\"{F(x)}\" y=\"{F(y0)}\" width=\"{F(barWidth)}\" height=\"{F(Math.Max(1, y1 - y0))}\" rx=\"2\"><title>{Html.E(bar.Label)}: {Html.E(bar.ValueText)}</title></rect>");
            var labelY = bar.Value < 0 ? y1 + 14 : y0 - 7;
            svg.Append(Text(x + barWidth / 2, labelY, bar.ValueText, "value", "middle"));
            svg.Append(Text(x + barWidth / 2, height - bottom + 22, bar.Label, "label", "middle"));
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars, one per row, labels on the left, values after the bar end.</summary>
    public static string Rows(string id, string title, string description, IReadOnlyList<ChartBar> bars)
    {
        const int labelWidth = 190, valueWidth = 104, rowHeight = 26, top = 8;
        var height = top * 2 + rowHeight * Math.Max(1, bars.Count);
        var left = labelWidth + 8;
        var plot = Width - left - valueWidth;
        // Scaled to the bars: a limit far beyond every bar would squash them, so it is left to the table.
        var max = bars.Select(b => b.Value).DefaultIfEmpty(0m).Max();
        if (max <= 0m) max = 1m;
        double X(decimal v) => left + (double)(Math.Max(v, 0m) / max) * plot;

        var svg = Open(id, title, description, height);
        svg.Append(Line(left, top, left, height - top, "axis"));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + rowHeight * i;
            var end = X(bar.Value);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{bar.CssClass}\" x=\"{F(left)}\" y=\"{F(y + 5)}\" width=\"{F(Math.Max(1, end - left))}\" height=\"{rowHeight - 10}\" rx=\"2\"><title>{Html.E(bar.Label)}: {Html.E(bar.ValueText)}</title></rect>");
            svg.Append(Text(labelWidth, y + rowHeight / 2.0 + 4, Html.Clip(bar.Label, 30), "label", "end"));
            svg.Append(Text(end + 6, y + rowHeight / 2.0 + 4, bar.ValueText, "value", "start"));
            if (bar.Marker is { } marker && marker <= max)
            {
                var mx = X(marker);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<line class=\"marker\" x1=\"{F(mx)}\" y1=\"{F(y + 2)}\" x2=\"{F(mx)}\" y2=\"{F(y + rowHeight - 2)}\"><title>{Html.E(bar.MarkerText ?? "")}</title></line>");
            }
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string title, string description, int height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">"
            + $"<title id=\"{id}-t\">{Html.E(title)}</title><desc id=\"{id}-d\">{Html.E(description)}</desc>");

    private static (decimal Min, decimal Max) Range(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        var max = list.Append(0m).Max();
        var min = list.Append(0m).Min();
        if (max == min) max = min + 1m;
        // Headroom for the value printed above the tallest bar.
        return (min < 0m ? min - (max - min) * 0.08m : min, max);
    }

    private static string Line(double x1, double y1, double x2, double y2, string css) =>
        string.Create(CultureInfo.InvariantCulture, $"<line class=\"{css}\" x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\"/>");

    private static string Text(double x, double y, string text, string css, string anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"<text class=\"{css}\" x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\">{Html.E(text)}</text>");

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
