namespace Allometry.Bot.Tests.Cli;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Sample;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class AskCommandTests(PostgresFixture postgres) : IDisposable
{
    private const string Tenant = "cli-ask";
    private readonly string _home = Directory.CreateTempSubdirectory("allometry-cli-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private CliHarness Cli => new(postgres.ConnectionString, _home);

    private async Task<SampleLedger> ImportAsync()
    {
        var sample = SampleOperatorGenerator.Generate();
        await new LedgerImporter(postgres.DataSource).ImportAsync(Tenant, sample.ToBatch(), CancellationToken.None);
        return sample;
    }

    [Fact]
    public async Task Ask_ProjectManagerOwnProjectInFrench_PrintsExactFigureAndInvoices()
    {
        var sample = await ImportAsync();
        var laval = sample.Projects.Single(p => p.ProjectId == "PRJ-1111");
        var open = sample.Invoices.Where(i => i.ProjectId == laval.ProjectId && i.Status != InvoiceStatus.Void && i.Balance != 0m).ToList();

        var result = await Cli.RunAsync("ask", "combien est dû sur Marché Laval?", "--as", laval.PmEmail!, "--tenant", Tenant);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains(MoneyFormat.Format(open.Sum(i => i.Balance), Language.Fr), result.Out, StringComparison.Ordinal);
        Assert.All(open.Take(10), i => Assert.Contains(i.InvoiceId, result.Out, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_UnknownAsker_RejectedWithReason()
    {
        await ImportAsync();

        var result = await Cli.RunAsync("ask", "who owes us the most", "--as", "stranger@example.com", "--tenant", Tenant);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("stranger@example.com", result.Error, StringComparison.Ordinal);
    }
}
