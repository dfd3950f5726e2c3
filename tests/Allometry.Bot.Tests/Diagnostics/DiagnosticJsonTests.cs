namespace Allometry.Bot.Tests.Diagnostics;

using System.Text.Json;
using System.Text.RegularExpressions;
using Allometry.Adapters.Ledger.Writing;
using Allometry.Bot.Reports.Diagnostic;
using Allometry.Bot.Tests.Cli;
using Allometry.Core.Aging;
using Allometry.Core.Diagnostics;
using Allometry.Core.Ledger;
using Allometry.Core.Sample;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed partial class DiagnosticJsonTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-diagnose-json-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [GeneratedRegex(@"""(openAr|overdue|moneyAtRisk|amountAtRisk|current|days1To30|days31To60|days61To90|over90|total|endAr|endCurrentAr|creditSales|beginAr|unreleasedAmount|pastReleaseDate|unpaidDeposits|acceptedQuotedTotal|linkedOpenAr|creditLimit)"":\s*(-?[0-9.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyProperty();

    [Fact]
    public async Task Diagnose_SampleWorkbookAsJson_AmountsEqualTheLedgersToTheCent()
    {
        var sample = SampleOperatorGenerator.Generate();
        var workbook = Path.Combine(_home, "borealis.xlsx");
        LedgerWorkbookWriter.WriteXlsx(sample, workbook);
        var output = Path.Combine(_home, "borealis.json");

        var result = await new CliHarness(postgres.ConnectionString, _home).RunAsync("diagnose", workbook, "--out", output, "--top", "25");

        Assert.Equal(0, result.ExitCode);
        var text = await File.ReadAllTextAsync(output);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        var asOf = sample.Meta.AsOf;
        var open = sample.Invoices.Where(i => i.Status != InvoiceStatus.Void && i.Balance != 0m).ToList();
        var expected = open.Aggregate(default(AgingAmounts), (acc, i) => acc.Add(AgingBuckets.Of(asOf, i.DueDate), i.Balance));
        Assert.Equal(expected, ReportJson.Aging(root.GetProperty("aging").GetProperty("totals")));
        foreach (var row in root.GetProperty("aging").GetProperty("byPayer").EnumerateArray())
        {
            var payer = row.GetProperty("key").GetString();
            Assert.Equal(open.Where(i => i.PayerId == payer).Sum(i => i.Balance), row.GetProperty("amounts").GetProperty("total").GetDecimal());
        }
        var items = root.GetProperty("topItems").EnumerateArray().ToList();
        Assert.Equal(25, items.Count);
        // Every planted case the report lists comes out with exactly the planted amount.
        var planted = sample.PlantedCases.ToDictionary(c => (c.RuleId, c.SubjectKind.ToString(), c.SubjectId), c => c.AmountAtRisk);
        var matched = items.Where(i => planted.ContainsKey(Key(i))).ToList();
        Assert.NotEmpty(matched);
        Assert.All(matched, i => Assert.Equal(planted[Key(i)], i.GetProperty("amountAtRisk").GetDecimal()));
        // Money is written as a JSON number with two decimals, straight from the decimal.
        var money = MoneyProperty().Matches(text).ToList();
        Assert.True(money.Count > 50, $"only {money.Count} money values found");
        Assert.All(money, m => Assert.Matches(@"^-?\d+\.\d{2}$", m.Groups[2].Value));
    }

    [Fact]
    public void Json_SerializeParseSerialize_IdenticalTextAndEqualDecimals()
    {
        var sample = SampleOperatorGenerator.Generate();
        var ledger = LedgerSnapshot.From(sample.ToBatch());
        var report = DiagnosticReportBuilder.Evaluate(new(ledger, sample.Meta.AsOf, DiagnosticSettings.For(ledger)));

        var first = DiagnosticJson.Render(report);
        var back = JsonSerializer.Deserialize<DiagnosticReport>(first, DiagnosticJson.Options)!;
        var second = DiagnosticJson.Render(back);

        Assert.Equal(first, second);
        Assert.Equal(report.Summary.MoneyAtRisk, back.Summary.MoneyAtRisk);
        Assert.Equal(report.Aging.Totals, back.Aging.Totals);
        Assert.Equal(report.Metrics.Cei.Value, back.Metrics.Cei.Value);
        Assert.Equal(report.TopItems.Select(i => i.AmountAtRisk), back.TopItems.Select(i => i.AmountAtRisk));
    }

    [Fact]
    public void Json_PropertyNames_StableCamelCaseSchema()
    {
        var sample = SampleOperatorGenerator.Generate();
        var ledger = LedgerSnapshot.From(sample.ToBatch());
        var report = DiagnosticReportBuilder.Evaluate(new(ledger, sample.Meta.AsOf, DiagnosticSettings.For(ledger)));

        using var doc = JsonDocument.Parse(DiagnosticJson.Render(report));

        Assert.Equal(
            ["schemaVersion", "asOf", "currency", "input", "summary", "byRule", "aging", "metrics", "retainage", "deposits", "quoteVariances", "exposure", "topItems", "coverage"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(
            ["periodDays", "periodStart", "endAr", "endCurrentAr", "creditSales", "beginAr", "dso", "bestPossibleDso", "averageDaysDelinquent", "cei"],
            doc.RootElement.GetProperty("metrics").EnumerateObject().Select(p => p.Name));
        var item = doc.RootElement.GetProperty("topItems")[0];
        Assert.Equal(
            ["ruleId", "ruleName", "severity", "subjectKind", "subjectId", "amountAtRisk", "currency", "payerId", "payerName", "projectId", "projectName", "title", "detail", "suggestedAction", "evidence"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["en", "fr"], item.GetProperty("title").EnumerateObject().Select(p => p.Name));
    }

    private static (string, string, string) Key(JsonElement item) =>
        (item.GetProperty("ruleId").GetString()!, item.GetProperty("subjectKind").GetString()!, item.GetProperty("subjectId").GetString()!);
}
