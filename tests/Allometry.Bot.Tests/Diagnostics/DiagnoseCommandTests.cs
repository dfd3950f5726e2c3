namespace Allometry.Bot.Tests.Diagnostics;

using System.Text.Json;
using Allometry.Adapters.Ledger.Writing;
using Allometry.Bot.Tests.Cli;
using Allometry.Core.Aging;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Sample;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class DiagnoseCommandTests(PostgresFixture postgres) : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    private readonly string _home = Directory.CreateTempSubdirectory("allometry-diagnose-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private CliHarness Cli => new(postgres.ConnectionString, _home);

    private string Out(string name) => Path.Combine(_home, name);

    [Theory]
    [MemberData(nameof(AgingExports.Vendors), MemberType = typeof(AgingExports))]
    public async Task Diagnose_VendorAgingExport_WritesHtmlMarkdownAndJsonWithTheExportsAmounts(string fixture)
    {
        var export = AgingExports.Path(fixture);
        var invoices = AgingExports.Invoices(fixture);
        var expected = invoices.Where(i => i.Balance != 0m).Aggregate(default(AgingAmounts), (acc, i) => acc.Add(AgingBuckets.Of(AsOf, i.DueDate), i.Balance));

        var html = await Cli.RunAsync("diagnose", export, "--out", Out("report.html"));
        var md = await Cli.RunAsync("diagnose", export, "--out", Out("report.md"));
        var json = await Cli.RunAsync("diagnose", export, "--format", "json", "--out", Out("report.data"), "--lang", "fr");

        Assert.Equal((0, 0, 0), (html.ExitCode, md.ExitCode, json.ExitCode));
        Assert.Contains("Report written", html.Out, StringComparison.Ordinal);
        Assert.Contains("Rapport écrit", json.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Out("report.data")));
        var root = doc.RootElement;
        Assert.Equal("AgingExport", root.GetProperty("input").GetProperty("kind").GetString());
        Assert.Equal("2026-11-20", root.GetProperty("asOf").GetString());
        Assert.Equal(expected, ReportJson.Aging(root.GetProperty("aging").GetProperty("totals")));
        Assert.Equal(expected.Total, root.GetProperty("summary").GetProperty("openAr").GetDecimal());
        foreach (var metric in new[] { "dso", "bestPossibleDso", "averageDaysDelinquent", "cei" })
        {
            var m = root.GetProperty("metrics").GetProperty(metric);
            Assert.Equal(JsonValueKind.Null, m.GetProperty("value").ValueKind);
            Assert.Contains("invoices", m.GetProperty("unavailableReason").GetProperty("en").GetString(), StringComparison.Ordinal);
        }
        var missing = root.GetProperty("coverage").GetProperty("missingSheets").EnumerateArray().Select(s => s.GetProperty("sheet").GetString()).ToList();
        Assert.Contains("projects", missing);
        Assert.Contains("quotes", missing);
        var ran = root.GetProperty("coverage").GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() == "Ran").Select(r => r.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains("OverdueInvoice", ran);
        Assert.DoesNotContain("QuoteInvoiceVariance", ran);
        Assert.DoesNotContain("MissingRegistrationNumber", ran);
        Assert.Equal(["payers", "invoices"], root.GetProperty("input").GetProperty("presentSheets").EnumerateArray().Select(s => s.GetString()));

        var page = await File.ReadAllTextAsync(Out("report.html"));
        ReportHtml.AssertSelfContained(page);
        Assert.Contains("What this would have caught", page, StringComparison.Ordinal);
        Assert.Contains(MoneyFormat.Format(expected.Total, Language.En), page, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(export), page, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(Out("report.md"));
        Assert.StartsWith("# What this would have caught", markdown, StringComparison.Ordinal);
        Assert.Contains($"| Over 90 days | {MoneyFormat.Format(expected.Over90, Language.En)} |", markdown, StringComparison.Ordinal);
        Assert.Contains("`quotes` — Add the quotes sheet", markdown, StringComparison.Ordinal);
        await AssertNoThrowawayTenantLeftAsync();
    }

    [Fact]
    public async Task Diagnose_SampleWorkbookInFrench_EveryRuleRunsAndMetricsAreComputed()
    {
        var workbook = Out("borealis.xlsx");
        LedgerWorkbookWriter.WriteXlsx(SampleOperatorGenerator.Generate(), workbook);

        var result = await Cli.RunAsync("diagnose", workbook, "--out", Out("rapport.html"), "--lang", "fr");

        Assert.Equal(0, result.ExitCode);
        var page = await File.ReadAllTextAsync(Out("rapport.html"));
        ReportHtml.AssertSelfContained(page);
        Assert.Contains("<html lang=\"fr-CA\">", page, StringComparison.Ordinal);
        Assert.Contains("Ce que nous aurions détecté", page, StringComparison.Ordinal);
        Assert.Contains("Au 20 novembre 2026", page, StringComparison.Ordinal);
        Assert.Contains("Chaque règle avait les données nécessaires", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Non disponible", page, StringComparison.Ordinal);
        Assert.Contains("\u00A0$", page, StringComparison.Ordinal);
        await AssertNoThrowawayTenantLeftAsync();
    }

    [Fact]
    public async Task Diagnose_ExportWithoutDate_NeedsAsOfAndUsesIt()
    {
        var lines = (await File.ReadAllLinesAsync(AgingExports.Path("qbo-summary.csv"))).Where(l => !l.Contains("As of", StringComparison.Ordinal)).ToArray();
        var undated = Out("undated.csv");
        await File.WriteAllLinesAsync(undated, lines);

        var without = await Cli.RunAsync("diagnose", undated, "--out", Out("undated.json"));
        var with = await Cli.RunAsync("diagnose", undated, "--as-of", "2026-11-20", "--out", Out("undated.json"));

        Assert.Equal(2, without.ExitCode);
        Assert.Equal(0, with.ExitCode);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Out("undated.json")));
        Assert.Equal("2026-11-20", doc.RootElement.GetProperty("asOf").GetString());
        await AssertNoThrowawayTenantLeftAsync();
    }

    [Fact]
    public async Task Diagnose_BrokenWorkbook_FrenchErrorNothingWrittenAndNoTenantLeft()
    {
        var folder = Out("broken");
        LedgerWorkbookWriter.WriteCsvFolder(SampleOperatorGenerator.Generate(), folder);
        var invoices = Path.Combine(folder, "invoices.csv");
        var lines = await File.ReadAllLinesAsync(invoices);
        var column = Array.IndexOf(lines[0].Split(','), "total");
        var cells = lines[3].Split(',');
        cells[column] = "douze";
        lines[3] = string.Join(',', cells);
        await File.WriteAllLinesAsync(invoices, lines);
        var report = Out("keep.html");
        await File.WriteAllTextAsync(report, "previous report");

        var result = await Cli.RunAsync("diagnose", folder, "--out", report, "--lang", "fr");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Rien n'a été écrit", result.Error, StringComparison.Ordinal);
        Assert.Contains("« douze »", result.Error, StringComparison.Ordinal);
        Assert.Equal("previous report", await File.ReadAllTextAsync(report));
        Assert.Equal(["keep.html"], Directory.GetFiles(_home).Select(Path.GetFileName));
        await AssertNoThrowawayTenantLeftAsync();
    }

    [Theory]
    [InlineData("--format", "pdf", "--format must be html, md or json")]
    [InlineData("--as-of", "20/11/2026", "--as-of must be a date as yyyy-MM-dd")]
    public async Task Diagnose_BadOption_RejectedBeforeAnythingIsRead(string option, string value, string message)
    {
        var result = await Cli.RunAsync("diagnose", AgingExports.Path("qbo-summary.csv"), option, value, "--out", Out("x.html"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("x.html")));
    }

    [Fact]
    public async Task Diagnose_OutputFolderMissing_SaysWhichFolder()
    {
        var result = await Cli.RunAsync("diagnose", AgingExports.Path("qbo-summary.csv"), "--out", Path.Combine(_home, "nowhere", "r.html"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("The folder of --out does not exist", result.Error, StringComparison.Ordinal);
    }

    private async Task AssertNoThrowawayTenantLeftAsync()
    {
        var tenants = await new TenantDirectory(postgres.DataSource).ListAsync(CancellationToken.None);
        Assert.DoesNotContain(tenants, t => t.StartsWith(global::Allometry.Bot.Cli.Commands.DiagnoseCommand.TenantPrefix, StringComparison.Ordinal));
    }
}
