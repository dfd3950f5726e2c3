namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using System.Text.Json;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Sample;
using Allometry.Testing;

/// <summary>The screened read: the base scope alone, and the fallback for a rule nothing screens.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScreenedLedgerLoaderTests(PostgresFixture postgres)
{
    private readonly ExceptionTestBed _bed = new(postgres);

    private async Task<(string Tenant, SampleLedger Sample)> ImportSampleAsync()
    {
        var tenant = ExceptionTestBed.NewTenant();
        var sample = SampleOperatorGenerator.Generate();
        await _bed.ImportAsync(tenant, sample.ToBatch());
        return (tenant, sample);
    }

    // Only the rules the base scope covers run: nothing falls back on reading every project.
    private static RuleSettings BaseScopeOnly(RuleSettings settings) => settings with
    {
        DisabledRules = RuleCatalog.All.Select(r => r.Id).Where(id => !BaseScope.Covers.Contains(id)).ToHashSet(StringComparer.Ordinal),
    };

    private static string Canonical(Finding finding) => JsonSerializer.Serialize(finding);

    [Theory]
    [InlineData(0)]
    [InlineData(-45)]
    [InlineData(-120)]
    [InlineData(30)]
    public async Task LoadAsync_BaseScopeRulesOnSample_SameFindingsAsTheWholeLedger(int daysFromAsOf)
    {
        // Arrange
        var (tenant, sample) = await ImportSampleAsync();
        var settings = BaseScopeOnly(await _bed.Settings.LoadAsync(tenant, CancellationToken.None));
        var asOf = sample.Meta.AsOf.AddDays(daysFromAsOf);
        var engine = RuleCatalog.CreateEngine();
        var whole = await new LedgerSnapshotStore(postgres.DataSource).LoadAsync(tenant, CancellationToken.None);
        var expected = engine.Evaluate(new RuleContext(whole, asOf, settings)).Findings.Select(Canonical).Order(StringComparer.Ordinal).ToList();

        // Act
        var screened = await new ScreenedLedgerLoader(postgres.DataSource).LoadAsync(tenant, asOf, settings, CancellationToken.None);
        var found = screened.Owned(engine.Evaluate(new RuleContext(screened.Snapshot, asOf, settings)).Findings)
            .Select(Canonical).Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found);
        Assert.True(screened.Snapshot.Invoices.Count < whole.Invoices.Count, $"read {screened.Snapshot.Invoices.Count} of {whole.Invoices.Count} invoices");
        Assert.Equal(whole.PresentSheets.Order(StringComparer.Ordinal), screened.Snapshot.PresentSheets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_RunningRuleWithoutScreenOrBaseScope_ReadsEveryProject()
    {
        // Arrange: a rule id no screen claims and the base scope does not cover runs.
        var (tenant, sample) = await ImportSampleAsync();
        var settings = BaseScopeOnly(await _bed.Settings.LoadAsync(tenant, CancellationToken.None));
        var unscreened = new UnscreenedRule();

        // Act
        var screened = await new ScreenedLedgerLoader(postgres.DataSource, [.. RuleCatalog.All, unscreened])
            .LoadAsync(tenant, null, settings, CancellationToken.None);

        // Assert
        Assert.Equal(sample.Projects.Count, screened.WholeProjectCount);
        Assert.Equal(sample.Invoices.Count, screened.Snapshot.Invoices.Count);
    }

    [Fact]
    public async Task Owns_InvoiceReadOnlyAsContextOfAnother_IsNotTheWholeLedgersVerdict()
    {
        // Arrange
        var (tenant, _) = await ImportSampleAsync();
        var settings = BaseScopeOnly(await _bed.Settings.LoadAsync(tenant, CancellationToken.None));
        var screened = await new ScreenedLedgerLoader(postgres.DataSource).LoadAsync(tenant, null, settings, CancellationToken.None);
        var inScope = screened.Snapshot.Invoices.First(i => i.Balance != 0m && i.ProjectId is not null);
        Finding About(string invoiceId, string? projectId) => new()
        {
            RuleId = "OverdueInvoice", RuleVersion = 1, Severity = Severity.High, AmountAtRisk = 1m,
            Subject = new FindingSubject(SubjectKind.Invoice, invoiceId), ProjectId = projectId,
            Title = new("t", "t"), Detail = new("d", "d"), SuggestedAction = new("a", "a"),
        };

        // Act
        var owned = screened.Owns(About(inScope.InvoiceId, inScope.ProjectId));
        var elsewhere = screened.Owns(About("NOT-READ-1", "NOT-A-SCOPED-PROJECT"));
        var projectlessUnread = screened.Owns(About("NOT-READ-2", null));
        var payer = screened.Owns(About("x", null) with { Subject = new FindingSubject(SubjectKind.Payer, inScope.PayerId) });

        // Assert
        Assert.Equal((true, false, false, true), (owned, elsewhere, projectlessUnread, payer));
    }

    private sealed class UnscreenedRule : IRule
    {
        public string Id => "UnscreenedTestRule";
        public int Version => 1;
        public IReadOnlyList<string> RequiredSheets => [LedgerSheets.Invoices];
        public IEnumerable<Finding> Evaluate(RuleContext context) => [];
    }
}
