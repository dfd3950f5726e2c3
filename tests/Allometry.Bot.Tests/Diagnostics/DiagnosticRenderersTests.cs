namespace Allometry.Bot.Tests.Diagnostics;

using Allometry.Bot.Reports.Diagnostic;
using Allometry.Core.Diagnostics;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Rules;
using Allometry.Core.Sample;

public sealed class DiagnosticRenderersTests
{
    private static DiagnosticReport SampleReport()
    {
        var sample = SampleOperatorGenerator.Generate();
        var ledger = LedgerSnapshot.From(sample.ToBatch());
        return DiagnosticReportBuilder.Evaluate(new RuleContext(ledger, sample.Meta.AsOf, DiagnosticSettings.For(ledger)),
            DiagnosticOptions.Default with { Sources = ["borealis.xlsx"] });
    }

    // A payer name written to attack the page and the Markdown table it lands in.
    private static DiagnosticReport HostileReport()
    {
        var asOf = new DateOnly(2026, 11, 20);
        var payer = new Payer { PayerId = "P1", Name = "<script>alert('x')</script> | *Bold* & Co" };
        var invoice = new Invoice
        {
            InvoiceId = "F1", PayerId = "P1", Kind = InvoiceKind.Other, IssueDate = asOf.AddDays(-200), DueDate = asOf.AddDays(-150),
            Subtotal = 1234.5m, Total = 1234.5m, Balance = 1234.5m, Origin = InvoiceOrigin.AgingSummary,
        };
        var ledger = new LedgerSnapshot(new LedgerMeta { AsOf = asOf }, new HashSet<string>([LedgerSheets.Payers, LedgerSheets.Invoices], StringComparer.Ordinal),
            [payer], [], [], [], [], [invoice], [], [], [], [], [], []);
        return DiagnosticReportBuilder.Evaluate(new RuleContext(ledger, asOf, RuleSettings.Default));
    }

    [Fact]
    public void Html_SampleReport_SelfContainedWithThreeAccessibleChartsAndPrintStyle()
    {
        var html = DiagnosticHtmlRenderer.Render(SampleReport(), Language.En);

        ReportHtml.AssertSelfContained(html);
        Assert.Contains("id=\"chart-aging-t\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-exposure-t\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-rules-t\"", html, StringComparison.Ordinal);
        Assert.Contains("section.page { break-before: page; }", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-CA\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_French_LabelsAndMoneyInCanadianFrench()
    {
        var report = SampleReport();

        var html = DiagnosticHtmlRenderer.Render(report, Language.Fr);

        Assert.Contains("Classement chronologique des comptes ouverts", html, StringComparison.Ordinal);
        Assert.Contains("Montant à risque par règle", html, StringComparison.Ordinal);
        Assert.Contains(MoneyFormat.Format(report.Summary.OpenAr, Language.Fr), html, StringComparison.Ordinal);
        Assert.DoesNotContain(MoneyFormat.Format(report.Summary.OpenAr, Language.En), html, StringComparison.Ordinal);
        Assert.DoesNotContain("What this would have caught", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_HostilePayerName_EscapedNeverMarkup()
    {
        var html = DiagnosticHtmlRenderer.Render(HostileReport(), Language.En);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | *Bold* &amp; Co", html, StringComparison.Ordinal);
        Assert.Contains("$1,234.50", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HostilePayerName_EscapedSoTablesKeepTheirColumns()
    {
        var md = DiagnosticMarkdownRenderer.Render(HostileReport(), Language.En);

        Assert.Contains(@"\<script\>alert('x')\</script\> \| \*Bold\* & Co", md, StringComparison.Ordinal);
        var payerRow = md.Split('\n').Single(l => l.StartsWith(@"| \<script\>", StringComparison.Ordinal) && l.Contains("$1,234.50", StringComparison.Ordinal) && !l.Contains("—", StringComparison.Ordinal));
        Assert.Equal(8, payerRow.Replace(@"\|", "", StringComparison.Ordinal).Count(c => c == '|'));
    }

    [Fact]
    public void Markdown_SampleReport_SameSectionsAsTheHtml()
    {
        var report = SampleReport();

        var md = DiagnosticMarkdownRenderer.Render(report, Language.En);

        Assert.StartsWith("# What this would have caught", md, StringComparison.Ordinal);
        foreach (var heading in new[] { "## Money at risk by rule", "## Aging of open receivables", "## Exposure by linked group", "## Collection metrics",
                     "## What it would have caught", "## Top items, with the evidence", "## What we could not check, and what would enable it" })
        {
            Assert.Contains(heading, md, StringComparison.Ordinal);
        }
        Assert.Contains(MoneyFormat.Format(report.Summary.MoneyAtRisk, Language.En), md, StringComparison.Ordinal);
        Assert.Equal(report.TopItems.Count, md.Split('\n').Count(l => l.StartsWith("### ", StringComparison.Ordinal) && char.IsDigit(l[4])));
    }

    [Theory]
    [InlineData("report.html", null, "Html")]
    [InlineData("report.md", null, "Markdown")]
    [InlineData("report.JSON", null, "Json")]
    [InlineData("report.txt", null, "Html")]
    [InlineData("report.html", "md", "Markdown")]
    public void Formats_ExplicitFormatWinsElseTheExtension(string path, string? format, string expected)
    {
        var actual = format is null ? DiagnosticFormats.FromPath(path) : DiagnosticFormats.Parse(format);

        Assert.Equal(expected, actual.ToString());
    }

    [Fact]
    public void ReportFile_WriteOverExisting_ReplacesWholeAndLeavesNoTemporaryFile()
    {
        var folder = Directory.CreateTempSubdirectory("allometry-report-file-").FullName;
        try
        {
            var path = Path.Combine(folder, "r.html");
            File.WriteAllText(path, "old");

            ReportFile.WriteAtomically(path, "new é");

            Assert.Equal("new é", File.ReadAllText(path));
            Assert.Equal(["r.html"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
