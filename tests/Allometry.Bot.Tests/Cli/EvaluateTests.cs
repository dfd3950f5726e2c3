namespace Allometry.Bot.Tests.Cli;

using Allometry.Adapters.Ledger.Writing;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class EvaluateTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cli-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private CliHarness Cli => new(postgres.ConnectionString, _home);

    private ExceptionStore Store => new(postgres.DataSource);

    private async Task<string> ImportSampleAsync(string tenant)
    {
        var folder = Path.Combine(_home, tenant);
        LedgerWorkbookWriter.WriteCsvFolder(SampleOperatorGenerator.Generate(), folder);
        var import = await Cli.RunAsync("import", folder, "--tenant", tenant);
        Assert.True(import.ExitCode == 0, import.Out + import.Error);
        return folder;
    }

    private async Task<long> HistoryCountAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM exception_history WHERE tenant_id = @tenant", new { tenant });
    }

    [Fact]
    public async Task Import_SampleLedger_EvaluatesItsExceptions()
    {
        await ImportSampleAsync("cli-eval-import");

        var open = await Store.ListAsync("cli-eval-import", new ExceptionQuery { Top = 1000 }, CancellationToken.None);

        Assert.NotEmpty(open);
        Assert.Equal(open.Count, await HistoryCountAsync("cli-eval-import"));
        Assert.All(open, e => Assert.Equal(1, e.Version));
    }

    [Fact]
    public async Task Evaluate_LedgerUnchangedSinceImport_ChangesNothing()
    {
        await ImportSampleAsync("cli-eval-again");
        var history = await HistoryCountAsync("cli-eval-again");

        var result = await Cli.RunAsync("evaluate", "--tenant", "cli-eval-again");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Evaluation complete", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"Opened\s+0\b", result.Out);
        Assert.Matches(@"Closed\s+0\b", result.Out);
        Assert.Equal(history, await HistoryCountAsync("cli-eval-again"));
    }

    [Fact]
    public async Task Evaluate_OneProject_SaysWhatItLeftForTheFullEvaluation()
    {
        await ImportSampleAsync("cli-eval-project");
        var project = SampleOperatorGenerator.Generate().Projects[0].ProjectId;

        var result = await Cli.RunAsync("evaluate", "--tenant", "cli-eval-project", "--project", project, "--lang", "fr");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"projet « {project} »", result.Out, StringComparison.Ordinal);
        Assert.Contains("Exceptions de payeur et de groupe lié", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_UnknownProject_FrenchErrorAndExitCode2()
    {
        await ImportSampleAsync("cli-eval-noproject");

        var result = await Cli.RunAsync("evaluate", "--tenant", "cli-eval-noproject", "--project", "NOPE-1", "--lang", "fr");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("n'a pas de projet « NOPE-1 »", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task ExceptionsList_Top_ShowsTheWorstWithAmountsAndTitlesInTheLanguage(string lang)
    {
        var tenant = "cli-eval-list-" + lang;
        await ImportSampleAsync(tenant);
        var language = lang == "fr" ? Language.Fr : Language.En;
        var worst = await Store.ListAsync(tenant, new ExceptionQuery { Top = 3 }, CancellationToken.None);

        var result = await Cli.RunAsync("exceptions", "list", "--tenant", tenant, "--top", "3", "--lang", lang);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(lang == "fr" ? "Montant à risque" : "Amount at risk", result.Out, StringComparison.Ordinal);
        Assert.Equal(3, worst.Count);
        foreach (var e in worst)
        {
            Assert.Contains(MoneyFormat.Format(e.AmountAtRisk, language, e.Currency), result.Out, StringComparison.Ordinal);
            Assert.Contains(e.RuleId, result.Out, StringComparison.Ordinal);
        }
        Assert.Contains(lang == "fr" ? "3 exception(s) affichée(s)" : "3 exception(s) shown", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExceptionsList_MinSeverityCritical_ShowsOnlyCriticalOnes()
    {
        await ImportSampleAsync("cli-eval-critical");

        var result = await Cli.RunAsync("exceptions", "list", "--tenant", "cli-eval-critical", "--min-severity", "critical");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("│ High", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("│ Medium", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExceptionsList_UnknownSeverity_RejectedWithTheChoices()
    {
        await ImportSampleAsync("cli-eval-badsev");

        var result = await Cli.RunAsync("exceptions", "list", "--tenant", "cli-eval-badsev", "--min-severity", "severe");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("info, low, medium, high, critical", result.Error, StringComparison.Ordinal);
    }
}
