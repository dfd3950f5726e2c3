namespace Allometry.Bot.Reports.Diagnostic;

using System.Text;
using Allometry.Core.Aging;
using Allometry.Core.Diagnostics;
using Allometry.Core.Localization;

/// <summary>The diagnostic as Markdown: the HTML report's content, with tables where the page has charts.</summary>
internal static class DiagnosticMarkdownRenderer
{
    public static string Render(DiagnosticReport report, Language language)
    {
        var t = new DiagnosticLabels(language, report.Currency);
        var md = new StringBuilder(32 * 1024);
        var s = report.Summary;
        var sources = report.Input.Sources.Count > 0 ? string.Join(", ", report.Input.Sources) : t.InputKind(report.Input.Kind);
        md.Append("# ").Append(Md.E(t.Title)).Append("\n\n")
          .Append("**").Append(Md.E(t.Subtitle)).Append("** · ").Append(Md.E($"{t.AsOf} {t.Date(report.AsOf)}")).Append(" · ")
          .Append(Md.E(t.Sources + t.Colon + sources)).Append(" · ").Append(Md.E(t.InputKind(report.Input.Kind))).Append(" · ").Append(Md.E(report.Currency)).Append("\n\n");

        Table(md, ["", ""], [false, true],
        [
            [t.OpenAr, t.Money(s.OpenAr)],
            [t.PastDue, $"{t.Money(s.Overdue)} ({t.Share(s.Overdue, s.OpenAr)})"],
            [t.MoneyAtRisk, $"{t.Money(s.MoneyAtRisk)} — {t.FindingsCount(s.Findings)}"],
            .. s.BySeverity.Where(x => x.Findings > 0).Select(x => (string[])[$"{t.Findings} · {t.Severity(x.Severity)}", $"{t.Count(x.Findings)} — {t.Money(x.AmountAtRisk)}"]),
            [t.RulesRun, t.RulesRunOf(s.RulesRun, s.RulesRun + s.RulesNotRun)],
        ]);

        Topics(md, report, t);
        md.Append("## ").Append(Md.E(t.ByRuleHeading)).Append("\n\n");
        if (report.ByRule.Count == 0) md.Append(Md.E(t.NothingFound)).Append("\n\n");
        else
        {
            Table(md, [t.Rule, t.HighestSeverity, t.Findings, t.MoneyAtRisk], [false, false, true, true],
            [
                .. report.ByRule.Select(r => (string[])[t.Text(r.Name), t.Severity(r.HighestSeverity), t.Count(r.Findings), t.Money(r.AmountAtRisk)]),
                [$"**{t.Total}**", "", t.Count(s.Findings), t.Money(s.MoneyAtRisk)],
            ]);
            md.Append("_").Append(Md.E(t.OverlapNote)).Append("_\n\n");
        }

        var totals = report.Aging.Totals;
        md.Append("## ").Append(Md.E(t.AgingHeading)).Append("\n\n");
        Table(md, [t.BucketColumn, t.Amount, t.ShareColumn], [false, true, true],
        [
            .. AgingBuckets.All.Select(b => (string[])[t.Bucket(b), t.Money(totals[b]), t.Share(totals[b], totals.Total)]),
            [$"**{t.Total}**", t.Money(totals.Total), ""],
        ]);
        md.Append("_").Append(Md.E(t.AgingNote)).Append("_\n\n");
        if (report.Aging.ByPayer.Count > 0)
        {
            md.Append("### ").Append(Md.E($"{t.LargestPayersHeading} ({t.Count(report.Aging.ByPayer.Count)} {t.Of} {t.Count(report.Aging.PayersWithBalance)})")).Append("\n\n");
            Table(md, [t.Payer, .. AgingBuckets.All.Select(t.Bucket), t.Total], [false, true, true, true, true, true, true],
                [.. report.Aging.ByPayer.Select(r => (string[])[r.Name, .. AgingBuckets.All.Select(b => r.Amounts[b] == 0m ? "" : t.Money(r.Amounts[b])), t.Money(r.Amounts.Total)])]);
        }

        Exposure(md, report, t);
        Metrics(md, report, t);
        TopItems(md, report, t);
        Coverage(md, report, t);
        md.Append("---\n\n").Append(Md.E(t.Footer)).Append('\n');
        return md.ToString();
    }

    private static void Exposure(StringBuilder md, DiagnosticReport report, DiagnosticLabels t)
    {
        md.Append("## ").Append(Md.E(t.ExposureHeading)).Append("\n\n");
        if (report.Exposure.UnavailableReason is { } reason) md.Append("_").Append(Md.E(t.Text(reason))).Append("_\n\n");
        if (report.Exposure.Groups.Count == 0)
        {
            md.Append(Md.E(t.NothingFound)).Append("\n\n");
            return;
        }
        Table(md, [t.Group, t.Members, t.OpenAr, t.CreditLimit], [false, false, true, true],
        [
            .. report.Exposure.Groups.Select(g => (string[])[
                g.OverLimit ? $"{g.Name} — {t.OverLimit}" : g.Name,
                g.IsLinked ? string.Join(", ", g.Members.Select(m => $"{m.Name} {t.Money(m.OpenAr)}")) : "",
                t.Money(g.OpenAr),
                g.CreditLimit is { } l ? t.Money(l) : "—"]),
        ]);
    }

    private static void Metrics(StringBuilder md, DiagnosticReport report, DiagnosticLabels t)
    {
        md.Append("## ").Append(Md.E(t.MetricsHeading)).Append("\n\n");
        Table(md, ["", t.Amount, t.Formula], [false, true, false],
            [.. report.Metrics.All().Select(m => (string[])[t.Text(m.Name), m.IsAvailable ? t.Metric(m) : $"{t.NotAvailable}: {t.Text(m.UnavailableReason!)}", t.Text(m.Formula)])]);
        md.Append(Md.E(t.PeriodLine(report.Metrics))).Append("\n\n");
    }

    private static void Topics(StringBuilder md, DiagnosticReport report, DiagnosticLabels t)
    {
        md.Append("## ").Append(Md.E(t.TopicsHeading)).Append("\n\n");
        var r = report.Retainage;
        Topic(md, t, t.RetainageCard, r.UnreleasedAmount, r.UnreleasedHolds is { } holds ? t.HoldsLine(holds, r.PastReleaseDate ?? 0m, r.PastReleaseDateHolds ?? 0) : null, r.UnavailableReason, r.Rules);
        var d = report.Deposits;
        Topic(md, t, t.DepositsCard, d.UnpaidDeposits, d.UnpaidDepositInvoices is { } n ? t.DepositsLine(n) : null, d.UnavailableReason, d.Rules);
        var q = report.QuoteVariances;
        Topic(md, t, t.QuotesCard, null, q.AcceptedQuotes is { } quotes ? t.QuotesLine(quotes, q.AcceptedQuotedTotal ?? 0m) : null, q.UnavailableReason, q.Rules);
        var x = report.Exposure;
        Topic(md, t, t.LinkedCard, x.LinkedOpenAr, x.LinkedGroups is { } groups ? t.LinkedLine(groups, x.LinkedOpenAr ?? 0m, x.OverLimitGroups) : null, x.UnavailableReason, x.Rules);
    }

    private static void Topic(StringBuilder md, DiagnosticLabels t, string title, decimal? headline, string? line, LocalizedText? unavailable, TopicFindings rules)
    {
        md.Append("### ").Append(Md.E(title));
        if (headline is { } amount) md.Append(" — ").Append(Md.E(t.Money(amount)));
        md.Append("\n\n");
        if (line is not null) md.Append(Md.E(line)).Append("\n\n");
        if (unavailable is not null) md.Append('_').Append(Md.E(t.Text(unavailable))).Append("_\n\n");
        if (rules.RuleIds.Count > 0) md.Append("**").Append(Md.E(t.FindingsLine(rules.Findings, rules.AmountAtRisk))).Append("**\n\n");
        foreach (var item in rules.Items) md.Append("- ").Append(Md.E(t.Text(item.Title))).Append('\n');
        if (rules.Items.Count > 0) md.Append('\n');
    }

    private static void TopItems(StringBuilder md, DiagnosticReport report, DiagnosticLabels t)
    {
        md.Append("## ").Append(Md.E(t.TopItemsHeading)).Append("\n\n");
        if (report.TopItems.Count == 0) md.Append(Md.E(t.NothingFound)).Append("\n\n");
        var rank = 0;
        foreach (var item in report.TopItems)
        {
            rank++;
            md.Append("### ").Append(rank).Append(". ").Append(Md.E(t.Text(item.Title))).Append("\n\n")
              .Append("**").Append(Md.E(t.Severity(item.Severity))).Append("** · ").Append(Md.E(MoneyFormat.Format(item.AmountAtRisk, t.Language, item.Currency)))
              .Append(" · ").Append(Md.E(t.Text(item.RuleName)));
            if ((item.PayerName ?? item.PayerId) is { } payer) md.Append(" · ").Append(Md.E(t.Payer + t.Colon + payer));
            if ((item.ProjectName ?? item.ProjectId) is { } project) md.Append(" · ").Append(Md.E(t.Project + t.Colon + project));
            md.Append("\n\n").Append(Md.E(t.Text(item.Detail))).Append("\n\n")
              .Append("**").Append(Md.E(t.SuggestedAction + t.Colon)).Append("**").Append(Md.E(t.Text(item.SuggestedAction))).Append("\n\n");
            if (item.Evidence.Count > 0)
            {
                Table(md, [t.Sheet, t.Row, t.Field, t.Expected, t.Found, t.Note], [false, false, false, true, true, false],
                    [.. item.Evidence.Take(DiagnosticHtmlRenderer.MaxEvidenceRows).Select(e => (string[])[e.Sheet, e.RowId, e.Field, e.Expected ?? "—", e.Actual ?? "—", e.Note is { } n ? t.Text(n) : ""])]);
                if (item.Evidence.Count > DiagnosticHtmlRenderer.MaxEvidenceRows)
                {
                    md.Append('_').Append(Md.E(t.MoreEvidence(item.Evidence.Count - DiagnosticHtmlRenderer.MaxEvidenceRows))).Append("_\n\n");
                }
            }
        }
    }

    private static void Coverage(StringBuilder md, DiagnosticReport report, DiagnosticLabels t)
    {
        md.Append("## ").Append(Md.E(t.CoverageHeading)).Append("\n\n");
        if (report.Coverage.MissingSheets.Count == 0) md.Append(Md.E(t.EverythingChecked)).Append("\n\n");
        foreach (var suggestion in report.Coverage.MissingSheets)
        {
            md.Append("- `").Append(suggestion.Sheet).Append("` — ").Append(Md.E(t.Text(suggestion.Sentence))).Append('\n');
        }
        if (report.Coverage.MissingSheets.Count > 0) md.Append('\n');
        md.Append("### ").Append(Md.E(t.RulesHeading)).Append("\n\n");
        Table(md, [t.Rule, t.TopicColumn, t.Status], [false, false, false],
            [.. DiagnosticHtmlRenderer.Ordered(report.Coverage.Rules, t).Select(r => (string[])[t.Text(r.Name), t.Topic(r.Topic), t.RuleStatus(r)])]);
    }

    // Cells are escaped here, except those a caller wrote as Markdown (bold totals).
    private static void Table(StringBuilder md, IReadOnlyList<string> headers, IReadOnlyList<bool> numeric, IReadOnlyList<string[]> rows)
    {
        static string Cell(string text) => text.StartsWith("**", StringComparison.Ordinal) && text.EndsWith("**", StringComparison.Ordinal) && text.Length > 4
            ? "**" + Md.E(text[2..^2]) + "**"
            : Md.E(text);
        md.Append("| ").Append(string.Join(" | ", headers.Select(Cell))).Append(" |\n|")
          .Append(string.Join("|", numeric.Select(n => n ? "---:" : "---"))).Append("|\n");
        foreach (var row in rows)
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        }
        md.Append('\n');
    }
}
