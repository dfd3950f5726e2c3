namespace Allometry.Bot.Tests.Diagnostics;

using System.Text.RegularExpressions;

/// <summary>What every rendered HTML report must be: one file that fetches nothing, charts with table fallbacks, a print style.</summary>
internal static partial class ReportHtml
{
    [GeneratedRegex(@"<svg\b[^>]*\brole=""img""[^>]*aria-labelledby=""[^""]+""", RegexOptions.CultureInvariant)]
    private static partial Regex AccessibleSvg();

    [GeneratedRegex(@"(https?:)?//(?!www\.w3\.org/2000/svg)[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    public static void AssertSelfContained(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        foreach (var forbidden in new[] { "<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "@font-face" })
        {
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Empty(ExternalUrl().Matches(html));
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        var charts = AccessibleSvg().Matches(html).Count;
        Assert.True(charts >= 2, $"expected the aging and rule charts at least, found {charts} accessible SVG chart(s)");
        // Each chart is followed by a table of its figures.
        var figures = html.Split("<figure>").Skip(1).ToList();
        Assert.All(figures, f => Assert.Contains("<table", f, StringComparison.Ordinal));
    }
}
