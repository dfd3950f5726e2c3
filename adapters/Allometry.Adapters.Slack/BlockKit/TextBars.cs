namespace Allometry.Adapters.Slack.BlockKit;

using System.Text;
using Allometry.Core.Cards;

/// <summary>
/// A chart as text bars in a code block, since Slack draws no charts: one line per point, the label
/// padded, a bar of full blocks (█) with a half block (▌) for the remainder, then the value as the
/// card formatted it. The longest bar is <see cref="Width"/> cells; negative values draw no bar.
/// </summary>
internal static class TextBars
{
    public const int Width = 20;
    public const char Full = '█';
    public const char Half = '▌';
    private const int LabelWidth = 18;

    /// <summary>The lines of <paramref name="chart"/>, without the code fence.</summary>
    public static IReadOnlyList<string> Lines(ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var max = chart.Points.Count == 0 ? 0m : chart.Points.Max(p => p.Value);
        var labelWidth = Math.Min(LabelWidth, chart.Points.Count == 0 ? 0 : chart.Points.Max(p => p.Label.Length));
        return [.. chart.Points.Select(p => $"{BlockKitText.Cut(p.Label, labelWidth).PadRight(labelWidth)} {Bar(p.Value, max).PadRight(Width)} {p.ValueText}")];
    }

    /// <summary>The bar for <paramref name="value"/> when <paramref name="max"/> fills <see cref="Width"/> cells.</summary>
    public static string Bar(decimal value, decimal max)
    {
        if (value <= 0m || max <= 0m)
        {
            return "";
        }
        var halves = (int)Math.Round(value / max * Width * 2, MidpointRounding.AwayFromZero);
        // A positive value never vanishes: at least half a cell.
        halves = Math.Clamp(halves, 1, Width * 2);
        return new StringBuilder().Append(Full, halves / 2).Append(halves % 2 == 1 ? Half.ToString() : "").ToString();
    }
}
