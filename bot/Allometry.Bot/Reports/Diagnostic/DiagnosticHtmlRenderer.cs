namespace Allometry.Bot.Reports.Diagnostic;

using System.Text;
using Allometry.Core.Aging;
using Allometry.Core.Diagnostics;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// The diagnostic as one self-contained HTML page: inline CSS, inline SVG charts each followed by
/// a table of its figures, system fonts only — no script, no external font, image or link to
/// fetch, so it opens offline, mails as one attachment and prints cleanly.
/// </summary>
internal static partial class DiagnosticHtmlRenderer
{
    public static string Render(DiagnosticReport report, Language language)
    {
        var t = new DiagnosticLabels(language, report.Currency);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language == Language.Fr ? "fr-CA" : "en-CA").Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.E($"{t.Title} — {t.AsOf} {t.Date(report.AsOf)}")).Append("</title>\n")
            .Append("<style>\n").Append(DiagnosticHtmlStyle.Css).Append("</style>\n</head>\n<body>\n");
        Masthead(html, report, t);
        html.Append("<main class=\"wrap\">\n");
        Kpis(html, report, t);
        Topics(html, report, t);
        ByRule(html, report, t);
        Aging(html, report, t);
        Exposure(html, report, t);
        Metrics(html, report, t);
        TopItems(html, report, t);
        Coverage(html, report, t);
        html.Append("</main>\n<footer class=\"wrap\"><p>").Append(Html.E(t.Footer)).Append("</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Masthead(StringBuilder html, DiagnosticReport report, DiagnosticLabels t)
    {
        var sources = report.Input.Sources.Count > 0 ? string.Join(", ", report.Input.Sources) : t.InputKind(report.Input.Kind);
        html.Append("<header class=\"masthead\"><div class=\"wrap\">")
            .Append("<div class=\"brand\">").Append(Html.E($"{t.Brand} · {t.Subtitle}")).Append("</div>")
            .Append("<h1>").Append(Html.E(t.Title)).Append("</h1>")
            .Append("<div class=\"meta\"><span>").Append(Html.E($"{t.AsOf} {t.Date(report.AsOf)}")).Append("</span>")
            .Append("<span>").Append(Html.E(t.Sources + t.Colon + sources)).Append("</span>")
            .Append("<span>").Append(Html.E(t.InputKind(report.Input.Kind))).Append("</span>")
            .Append("<span>").Append(Html.E(report.Currency)).Append("</span></div>")
            .Append("</div></header>\n");
    }

    private static void Kpis(StringBuilder html, DiagnosticReport report, DiagnosticLabels t)
    {
        var s = report.Summary;
        var urgent = s.BySeverity.Where(x => x.Severity >= Severity.High).ToList();
        html.Append("<section class=\"kpis\" aria-label=\"").Append(Html.E(t.Subtitle)).Append("\">\n");
        Kpi(html, t.OpenAr, t.Money(s.OpenAr), t.OpenItems(report.Input.OpenInvoices), false);
        Kpi(html, t.PastDue, t.Money(s.Overdue), t.Share(s.Overdue, s.OpenAr), false);
        Kpi(html, t.MoneyAtRisk, t.Money(s.MoneyAtRisk), t.FindingsCount(s.Findings), s.MoneyAtRisk > 0m);
        Kpi(html, t.CriticalHigh, t.Count(urgent.Sum(x => x.Findings)), t.Money(urgent.Sum(x => x.AmountAtRisk)), urgent.Sum(x => x.Findings) > 0);
        Kpi(html, "DSO", report.Metrics.Dso.Value is { } dso ? t.Days(dso) : t.NotAvailable,
            report.Metrics.BestPossibleDso.Value is { } best ? $"{t.Text(report.Metrics.BestPossibleDso.Name)}{t.Colon}{t.Days(best)}" : t.NeedsSales, false);
        Kpi(html, t.RulesRun, t.RulesRunOf(s.RulesRun, s.RulesRun + s.RulesNotRun),
            t.WithFindings(s.RulesWithFindings), false);
        html.Append("</section>\n");
    }

    private static void Kpi(StringBuilder html, string label, string value, string sub, bool alert) =>
        html.Append("<div class=\"kpi").Append(alert ? " alert" : "").Append("\"><div class=\"label\">").Append(Html.E(label))
            .Append("</div><div class=\"value\">").Append(Html.E(value)).Append("</div><div class=\"sub\">").Append(Html.E(sub)).Append("</div></div>\n");

    private static void ByRule(StringBuilder html, DiagnosticReport report, DiagnosticLabels t)
    {
        html.Append("<section>\n<h2>").Append(Html.E(t.ByRuleHeading)).Append("</h2>\n");
        if (report.ByRule.Count == 0)
        {
            html.Append("<p>").Append(Html.E(t.NothingFound)).Append("</p>\n</section>\n");
            return;
        }
        var bars = report.ByRule.Select(r => new ChartBar(t.Text(r.Name), r.AmountAtRisk, t.Money(r.AmountAtRisk), "s-" + r.HighestSeverity)).ToList();
        html.Append("<div class=\"split\">\n<figure>")
            .Append(SvgCharts.Rows("chart-rules", t.ByRuleHeading, Describe(bars), bars))
            .Append("<figcaption>").Append(Html.E(t.ChartTableNote)).Append("</figcaption></figure>\n");
        html.Append("<table>\n<thead><tr><th>").Append(Html.E(t.Rule)).Append("</th><th>").Append(Html.E(t.HighestSeverity))
            .Append("</th><th class=\"num\">").Append(Html.E(t.Findings)).Append("</th><th class=\"num\">").Append(Html.E(t.MoneyAtRisk)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var r in report.ByRule)
        {
            html.Append("<tr><td>").Append(Html.E(t.Text(r.Name))).Append("</td><td>").Append(Pill(r.HighestSeverity, t))
                .Append("</td><td class=\"num\">").Append(t.Count(r.Findings)).Append("</td><td class=\"num\">").Append(Html.E(t.Money(r.AmountAtRisk))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n<tfoot><tr><td colspan=\"2\">").Append(Html.E(t.Total)).Append("</td><td class=\"num\">").Append(t.Count(report.Summary.Findings))
            .Append("</td><td class=\"num\">").Append(Html.E(t.Money(report.Summary.MoneyAtRisk))).Append("</td></tr></tfoot>\n</table>\n</div>\n")
            .Append("<p class=\"note\">").Append(Html.E(t.OverlapNote)).Append("</p>\n</section>\n");
    }

    private static void Aging(StringBuilder html, DiagnosticReport report, DiagnosticLabels t)
    {
        var totals = report.Aging.Totals;
        string[] classes = ["b-current", "b-1", "b-31", "b-61", "b-90"];
        var bars = AgingBuckets.All.Select((b, i) => new ChartBar(t.Bucket(b), totals[b], t.Money(totals[b]), classes[i])).ToList();
        html.Append("<section>\n<h2>").Append(Html.E(t.AgingHeading)).Append("</h2>\n<div class=\"split\">\n<figure>")
            .Append(SvgCharts.Columns("chart-aging", t.AgingHeading, Describe(bars), bars))
            .Append("<figcaption>").Append(Html.E(t.AgingNote)).Append("</figcaption></figure>\n");
        html.Append("<table>\n<thead><tr><th>").Append(Html.E(t.BucketColumn)).Append("</th><th class=\"num\">").Append(Html.E(t.Amount))
            .Append("</th><th class=\"num\">").Append(Html.E(t.ShareColumn)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var bucket in AgingBuckets.All)
        {
            html.Append("<tr><td>").Append(Html.E(t.Bucket(bucket))).Append("</td><td class=\"num\">").Append(Html.E(t.Money(totals[bucket])))
                .Append("</td><td class=\"num\">").Append(Html.E(t.Share(totals[bucket], totals.Total))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n<tfoot><tr><td>").Append(Html.E(t.Total)).Append("</td><td class=\"num\">").Append(Html.E(t.Money(totals.Total)))
            .Append("</td><td class=\"num\"></td></tr></tfoot>\n</table>\n</div>\n");
        LargestPayers(html, report, t);
        html.Append("</section>\n");
    }

    private static void LargestPayers(StringBuilder html, DiagnosticReport report, DiagnosticLabels t)
    {
        if (report.Aging.ByPayer.Count == 0) return;
        html.Append("<table style=\"margin-top:18px\">\n<caption>").Append(Html.E($"{t.LargestPayersHeading} ({t.Count(report.Aging.ByPayer.Count)} {t.Of} {t.Count(report.Aging.PayersWithBalance)})"))
            .Append("</caption>\n<thead><tr><th>").Append(Html.E(t.Payer)).Append("</th>");
        foreach (var bucket in AgingBuckets.All)
        {
            html.Append("<th class=\"num\">").Append(Html.E(t.Bucket(bucket))).Append("</th>");
        }
        html.Append("<th class=\"num\">").Append(Html.E(t.Total)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var row in report.Aging.ByPayer)
        {
            html.Append("<tr><td>").Append(Html.E(row.Name)).Append("</td>");
            foreach (var bucket in AgingBuckets.All)
            {
                html.Append("<td class=\"num\">").Append(row.Amounts[bucket] == 0m ? "" : Html.E(t.Money(row.Amounts[bucket]))).Append("</td>");
            }
            html.Append("<td class=\"num\"><strong>").Append(Html.E(t.Money(row.Amounts.Total))).Append("</strong></td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void Exposure(StringBuilder html, DiagnosticReport report, DiagnosticLabels t)
    {
        var exposure = report.Exposure;
        html.Append("<section>\n<h2>").Append(Html.E(t.ExposureHeading)).Append("</h2>\n");
        if (exposure.UnavailableReason is { } reason)
        {
            html.Append("<p class=\"na\">").Append(Html.E(t.Text(reason))).Append("</p>\n");
        }
        if (exposure.Groups.Count == 0)
        {
            html.Append("<p>").Append(Html.E(t.NothingFound)).Append("</p>\n</section>\n");
            return;
        }
        var bars = exposure.Groups.Select(g => new ChartBar(
            g.IsLinked ? $"{g.Name} (+{g.Members.Count - 1})" : g.Name, g.OpenAr, t.Money(g.OpenAr),
            g.OverLimit ? "g-over" : g.IsLinked ? "g-linked" : "g-single",
            g.CreditLimit, g.CreditLimit is { } l ? $"{t.CreditLimit}: {t.Money(l)}" : null)).ToList();
        html.Append("<div class=\"split\">\n<figure>")
            .Append(SvgCharts.Rows("chart-exposure", t.ExposureHeading, Describe(bars), bars))
            .Append("<figcaption>").Append(Html.E(t.SinglePayersNote + " " + t.ChartTableNote)).Append("</figcaption></figure>\n");
        html.Append("<table>\n<thead><tr><th>").Append(Html.E(t.Group)).Append("</th><th class=\"num\">").Append(Html.E(t.OpenAr))
            .Append("</th><th class=\"num\">").Append(Html.E(t.CreditLimit)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var g in exposure.Groups)
        {
            html.Append("<tr><td><strong>").Append(Html.E(g.Name)).Append("</strong>");
            if (g.OverLimit) html.Append(' ').Append(Pill(Severity.High, t, t.OverLimit));
            if (g.IsLinked)
            {
                html.Append("<br><span class=\"note\">").Append(Html.E(string.Join(", ", g.Members.Where(m => m.OpenAr != 0m).Select(m => $"{m.Name} {t.Money(m.OpenAr)}")))).Append("</span>");
            }
            html.Append("</td><td class=\"num\">").Append(Html.E(t.Money(g.OpenAr))).Append("</td><td class=\"num\">")
                .Append(g.CreditLimit is { } limit ? Html.E(t.Money(limit)) : "—").Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static string Pill(Severity severity, DiagnosticLabels t, string? text = null) =>
        $"<span class=\"pill p-{severity}\">{Html.E(text ?? t.Severity(severity))}</span>";

    // The chart's figures in one sentence, for screen readers.
    private static string Describe(IEnumerable<ChartBar> bars) => string.Join("; ", bars.Select(b => $"{b.Label}: {b.ValueText}"));
}
