namespace Allometry.Bot.Reports.Diagnostic;

using System.Text;
using Allometry.Core.Diagnostics;
using Allometry.Core.Localization;

// Metrics, topic cards, the top items with their evidence, and what could not be checked.
internal static partial class DiagnosticHtmlRenderer
{
    private static void Metrics(StringBuilder html, DiagnosticReport report, DiagnosticLabels t)
    {
        html.Append("<section>\n<h2>").Append(Html.E(t.MetricsHeading)).Append("</h2>\n<div class=\"metrics\">\n");
        foreach (var metric in report.Metrics.All())
        {
            html.Append("<div class=\"metric\"><h3>").Append(Html.E(t.Text(metric.Name))).Append("</h3>");
            if (metric.IsAvailable)
            {
                html.Append("<div class=\"big\">").Append(Html.E(t.Metric(metric))).Append("</div>");
            }
            else
            {
                html.Append("<div class=\"big na\">").Append(Html.E(t.NotAvailable)).Append("</div>");
                html.Append("<p class=\"na\">").Append(Html.E(t.Text(metric.UnavailableReason!))).Append("</p>");
            }
            html.Append("<div class=\"formula\">").Append(Html.E(t.Formula + t.Colon + t.Text(metric.Formula))).Append("</div></div>\n");
        }
        html.Append("</div>\n<p class=\"note\">").Append(Html.E(t.PeriodLine(report.Metrics))).Append("</p>\n</section>\n");
    }

    private static void Topics(StringBuilder html, DiagnosticReport report, DiagnosticLabels t)
    {
        html.Append("<section>\n<h2>").Append(Html.E(t.TopicsHeading)).Append("</h2>\n<div class=\"cards\">\n");
        var r = report.Retainage;
        Card(html, t, t.RetainageCard, r.UnreleasedAmount, r.UnreleasedHolds is { } holds ? t.HoldsLine(holds, r.PastReleaseDate ?? 0m, r.PastReleaseDateHolds ?? 0) : null, r.UnavailableReason, r.Rules);
        var d = report.Deposits;
        Card(html, t, t.DepositsCard, d.UnpaidDeposits, d.UnpaidDepositInvoices is { } n ? t.DepositsLine(n) : null, d.UnavailableReason, d.Rules);
        var q = report.QuoteVariances;
        Card(html, t, t.QuotesCard, q.UnavailableReason is null ? q.Rules.AmountAtRisk : null,
            q.AcceptedQuotes is { } quotes ? t.QuotesLine(quotes, q.AcceptedQuotedTotal ?? 0m) : null, q.UnavailableReason, q.Rules);
        var x = report.Exposure;
        Card(html, t, t.LinkedCard, x.LinkedOpenAr, x.LinkedGroups is { } groups ? t.LinkedLine(groups, x.LinkedOpenAr ?? 0m, x.OverLimitGroups) : null, x.UnavailableReason, x.Rules);
        html.Append("</div>\n</section>\n");
    }

    private static void Card(StringBuilder html, DiagnosticLabels t, string title, decimal? headline, string? line, LocalizedText? unavailable, TopicFindings rules)
    {
        html.Append("<div class=\"card\"><h3>").Append(Html.E(title)).Append("</h3>");
        if (headline is { } amount)
        {
            html.Append("<div class=\"big\">").Append(Html.E(t.Money(amount))).Append("</div>");
        }
        if (line is not null)
        {
            html.Append("<div class=\"line\">").Append(Html.E(line)).Append("</div>");
        }
        if (unavailable is not null)
        {
            html.Append("<p class=\"na\">").Append(Html.E(t.Text(unavailable))).Append("</p>");
        }
        if (rules.RuleIds.Count > 0)
        {
            html.Append("<div class=\"line\"><strong>").Append(Html.E(t.FindingsLine(rules.Findings, rules.AmountAtRisk))).Append("</strong></div>");
        }
        if (rules.Items.Count > 0)
        {
            html.Append("<ul>");
            foreach (var item in rules.Items)
            {
                html.Append("<li>").Append(Html.E(t.Text(item.Title))).Append("</li>");
            }
            html.Append("</ul>");
        }
        html.Append("</div>\n");
    }

    private static void TopItems(StringBuilder html, DiagnosticReport report, DiagnosticLabels t)
    {
        html.Append("<section class=\"page\">\n<h2>").Append(Html.E(t.TopItemsHeading)).Append("</h2>\n");
        if (report.TopItems.Count == 0)
        {
            html.Append("<p>").Append(Html.E(t.NothingFound)).Append("</p>\n</section>\n");
            return;
        }
        html.Append("<ol class=\"items\">\n");
        var rank = 0;
        foreach (var item in report.TopItems)
        {
            rank++;
            html.Append("<li class=\"l-").Append(item.Severity).Append("\"><div class=\"item-head\"><span class=\"rank\">").Append(rank).Append("</span>")
                .Append(Pill(item.Severity, t)).Append("<span class=\"title\">").Append(Html.E(t.Text(item.Title))).Append("</span>")
                .Append("<span class=\"amount\">").Append(Html.E(MoneyFormat.Format(item.AmountAtRisk, t.Language, item.Currency))).Append("</span></div>");
            var meta = new List<string> { t.Text(item.RuleName) };
            if ((item.PayerName ?? item.PayerId) is { } payer) meta.Add($"{t.Payer}{t.Colon}{payer}");
            if ((item.ProjectName ?? item.ProjectId) is { } project) meta.Add($"{t.Project}{t.Colon}{project}");
            html.Append("<div class=\"item-meta\">").Append(Html.E(string.Join(" · ", meta))).Append("</div>")
                .Append("<div class=\"item-body\"><p>").Append(Html.E(t.Text(item.Detail))).Append("</p>")
                .Append("<div class=\"action\"><strong>").Append(Html.E(t.SuggestedAction + t.Colon)).Append("</strong>").Append(Html.E(t.Text(item.SuggestedAction))).Append("</div>");
            Evidence(html, item, t);
            html.Append("</div></li>\n");
        }
        html.Append("</ol>\n</section>\n");
    }

    private static void Evidence(StringBuilder html, DiagnosticItem item, DiagnosticLabels t)
    {
        if (item.Evidence.Count == 0) return;
        html.Append("<table><caption>").Append(Html.E(t.Evidence)).Append("</caption><thead><tr><th>").Append(Html.E(t.Sheet)).Append("</th><th>").Append(Html.E(t.Row))
            .Append("</th><th>").Append(Html.E(t.Field)).Append("</th><th class=\"num\">").Append(Html.E(t.Expected)).Append("</th><th class=\"num\">").Append(Html.E(t.Found))
            .Append("</th><th>").Append(Html.E(t.Note)).Append("</th></tr></thead><tbody>");
        foreach (var e in item.Evidence.Take(MaxEvidenceRows))
        {
            html.Append("<tr><td><code>").Append(Html.E(e.Sheet)).Append("</code></td><td>").Append(Html.E(e.RowId)).Append("</td><td><code>").Append(Html.E(e.Field))
                .Append("</code></td><td class=\"num\">").Append(Html.E(e.Expected ?? "—")).Append("</td><td class=\"num\">").Append(Html.E(e.Actual ?? "—"))
                .Append("</td><td>").Append(Html.E(e.Note is { } note ? t.Text(note) : "")).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        if (item.Evidence.Count > MaxEvidenceRows)
        {
            html.Append("<p class=\"note\">").Append(Html.E(t.MoreEvidence(item.Evidence.Count - MaxEvidenceRows))).Append("</p>");
        }
    }

    /// <summary>Evidence rows printed per item; the JSON form keeps every one.</summary>
    public const int MaxEvidenceRows = 8;

    /// <summary>Rules that ran first, grouped by topic, by name within a topic.</summary>
    internal static IEnumerable<RuleStatus> Ordered(IEnumerable<RuleStatus> rules, DiagnosticLabels t) =>
        rules.OrderBy(r => r.Status).ThenBy(r => r.Topic).ThenBy(r => t.Text(r.Name), StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, ignoreCase: true));

    private static void Coverage(StringBuilder html, DiagnosticReport report, DiagnosticLabels t)
    {
        html.Append("<section class=\"page\">\n<h2>").Append(Html.E(t.CoverageHeading)).Append("</h2>\n");
        if (report.Coverage.MissingSheets.Count == 0)
        {
            html.Append("<p>").Append(Html.E(t.EverythingChecked)).Append("</p>\n");
        }
        else
        {
            html.Append("<ul class=\"missing\">\n");
            foreach (var suggestion in report.Coverage.MissingSheets)
            {
                html.Append("<li><code>").Append(Html.E(suggestion.Sheet)).Append("</code> — ").Append(Html.E(t.Text(suggestion.Sentence))).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("<table>\n<caption>").Append(Html.E(t.RulesHeading)).Append("</caption>\n<thead><tr><th>").Append(Html.E(t.Rule)).Append("</th><th>")
            .Append(Html.E(t.TopicColumn)).Append("</th><th>").Append(Html.E(t.Status)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var rule in Ordered(report.Coverage.Rules, t))
        {
            html.Append("<tr><td>").Append(Html.E(t.Text(rule.Name))).Append("</td><td>").Append(Html.E(t.Topic(rule.Topic))).Append("</td><td>")
                .Append(Html.E(t.RuleStatus(rule))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }
}
