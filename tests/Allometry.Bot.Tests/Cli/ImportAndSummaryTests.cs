namespace Allometry.Bot.Tests.Cli;

using Allometry.Adapters.Ledger.Writing;
using Allometry.Core.Aging;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Sample;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class ImportAndSummaryTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cli-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private CliHarness Cli => new(postgres.ConnectionString, _home);

    private string WriteSampleXlsx(string name)
    {
        var path = Path.Combine(_home, name);
        LedgerWorkbookWriter.WriteXlsx(SampleOperatorGenerator.Generate(), path);
        return path;
    }

    [Fact]
    public async Task Import_SampleWorkbook_SummaryTotalsEqualTheLedgersOwnBalances()
    {
        var sample = SampleOperatorGenerator.Generate();
        var expected = sample.Invoices
            .Where(i => i.Status != InvoiceStatus.Void && i.Balance != 0)
            .Aggregate(default(AgingAmounts), (acc, i) => acc.Add(AgingBuckets.Of(sample.Meta.AsOf, i.DueDate), i.Balance));

        var import = await Cli.RunAsync("import", WriteSampleXlsx("a.xlsx"), "--tenant", "cli-summary");
        var summaries = await new AgingSummaryStore(postgres.DataSource).SummarizeAsync("cli-summary", sample.Meta.AsOf, CancellationToken.None);
        var printed = await Cli.RunAsync("ledger", "summary", "--tenant", "cli-summary");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Import complete", import.Out, StringComparison.Ordinal);
        var summary = Assert.Single(summaries);
        Assert.Equal(expected, summary.Totals);
        Assert.True(summary.Reconciles);
        Assert.Equal(sample.Payers.Count(p => sample.Invoices.Any(i => i.PayerId == p.PayerId && i.Status != InvoiceStatus.Void && i.Balance != 0)), summary.ByPayer.Count);
        Assert.Equal(0, printed.ExitCode);
        Assert.Contains(MoneyFormat.Format(expected.Total, Language.En), printed.Out, StringComparison.Ordinal);
        Assert.Contains("reconcile to the cent", printed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameWorkbookTwice_SecondRunChangesNothing()
    {
        var path = WriteSampleXlsx("twice.xlsx");

        var first = await Cli.RunAsync("import", path, "--tenant", "cli-twice");
        var second = await Cli.RunAsync("import", path, "--tenant", "cli-twice", "--lang", "fr");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Déjà importé : rien n'a changé", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BrokenAmount_FrenchErrorNamesTheCellAndNothingIsWritten()
    {
        var folder = Path.Combine(_home, "broken");
        LedgerWorkbookWriter.WriteCsvFolder(SampleOperatorGenerator.Generate(), folder);
        var invoices = Path.Combine(folder, "invoices.csv");
        var lines = File.ReadAllLines(invoices);
        var header = lines[0].Split(',');
        var totalColumn = Array.IndexOf(header, "total");
        var cells = lines[5].Split(',');
        cells[totalColumn] = "douze";
        lines[5] = string.Join(',', cells);
        File.WriteAllLines(invoices, lines);

        var result = await Cli.RunAsync("import", folder, "--tenant", "cli-broken", "--lang", "fr");
        var tenants = await new TenantDirectory(postgres.DataSource).ListAsync(CancellationToken.None);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Rien n'a été écrit", result.Error, StringComparison.Ordinal);
        Assert.Contains("feuille invoices, ligne 6, colonne total", result.Error, StringComparison.Ordinal);
        Assert.Contains("« douze »", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cli-broken", tenants);
    }

    [Fact]
    public async Task Import_UnknownFileKind_RejectedWithClearMessage()
    {
        var path = Path.Combine(_home, "notes.txt");
        await File.WriteAllTextAsync(path, "hello");

        var result = await Cli.RunAsync("import", path, "--tenant", "cli-unknown");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unsupported input", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerSummary_TenantWithoutImports_SaysWhatToDo()
    {
        var result = await Cli.RunAsync("ledger", "summary", "--tenant", "nobody-here");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("run allometry import first", result.Out, StringComparison.Ordinal);
    }
}
