namespace Allometry.Core.Postgres.Tests.Exceptions;

using System.Diagnostics;
using System.Text.Json;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Sample;
using Allometry.Testing;
using Xunit.Abstractions;

/// <summary>The whole catalogue over the sample operator, through the database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SampleEvaluationTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    private readonly ExceptionTestBed _bed = new(postgres);

    private ExceptionEvaluator Catalogue => new(
        postgres.DataSource, new LedgerSnapshotStore(postgres.DataSource), new RuleSettingsStore(postgres.DataSource), new FixedTimeProvider(Now));

    private async Task<(string Tenant, SampleLedger Sample)> ImportSampleAsync()
    {
        var tenant = ExceptionTestBed.NewTenant();
        var sample = SampleOperatorGenerator.Generate();
        await _bed.ImportAsync(tenant, sample.ToBatch());
        await _bed.Settings.SaveAsync(tenant, JsonSerializer.Serialize(new { group_credit_limits = sample.GroupCreditLimits }), CancellationToken.None);
        return (tenant, sample);
    }

    [Fact]
    public async Task EvaluateTenantAsync_Sample_EveryPlantedCaseIsAnOpenExceptionAndAgainChangesNothing()
    {
        // Arrange
        var (tenant, sample) = await ImportSampleAsync();

        // Act
        var first = await Catalogue.EvaluateTenantAsync(tenant, null, CancellationToken.None);
        var second = await Catalogue.EvaluateTenantAsync(tenant, null, CancellationToken.None);

        // Assert
        var open = (await _bed.Store.ListAsync(tenant, new ExceptionQuery { Top = 10_000 }, CancellationToken.None))
            .ToDictionary(e => e.Fingerprint, StringComparer.Ordinal);
        Assert.Equal(open.Count, first.Opened);
        Assert.All(sample.PlantedCases, c =>
        {
            Assert.True(open.TryGetValue($"{c.RuleId}|{c.Subject}", out var e), $"no exception for {c.RuleId}|{c.Subject}");
            Assert.Equal(c.AmountAtRisk, e!.AmountAtRisk);
        });
        Assert.Equal((0, open.Count), (second.Changed, second.Unchanged));
    }

    [Fact]
    public async Task EvaluateProjectAsync_EveryProjectOfTheSample_AgreesWithTheFullEvaluation()
    {
        // Arrange
        var (tenant, sample) = await ImportSampleAsync();
        var evaluator = Catalogue;
        await evaluator.EvaluateTenantAsync(tenant, null, CancellationToken.None);

        // Act: a project's slice must find exactly what the whole ledger found for its items
        var timings = new List<double>();
        var disagreements = new List<string>();
        foreach (var project in sample.Projects)
        {
            var watch = Stopwatch.StartNew();
            var result = await evaluator.EvaluateProjectAsync(tenant, project.ProjectId, CancellationToken.None);
            timings.Add(watch.Elapsed.TotalMilliseconds);
            if (result.Changed != 0) disagreements.Add($"{project.ProjectId}: {result.Opened} opened, {result.Updated} updated, {result.Closed} closed");
        }

        // Assert
        Assert.Empty(disagreements);
        timings.Sort();
        output.WriteLine($"EvaluateProjectAsync over {timings.Count} projects: p50 {timings[timings.Count / 2]:F1} ms, p99 {timings[(int)(timings.Count * 0.99)]:F1} ms, max {timings[^1]:F1} ms");
    }
}
