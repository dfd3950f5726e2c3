namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using System.Diagnostics;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Sample;
using Allometry.Testing;
using Allometry.Testing.Findings;
using Xunit.Abstractions;

/// <summary>
/// The screened full evaluation must report exactly what the whole ledger reports: same
/// fingerprints, same amounts, same words, same evidence, at every evaluation date and with every
/// settings variation. Each ledger is imported once; the cases only read.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScreenedEvaluationEquivalenceTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private readonly RuleEngine _engine = RuleCatalog.CreateEngine();

    public static TheoryData<int> SeedCases => [.. EquivalenceCases.Seeds];

    [Theory]
    [MemberData(nameof(SeedCases))]
    public async Task LoadAsync_GeneratedLedger_ScreenedFindingsEqualWholeLedgerFindings(int seed)
    {
        // Arrange
        var generated = EquivalenceCases.Ledger(seed);
        var tenant = "eqv-" + Guid.NewGuid().ToString("N")[..8];
        await new LedgerImporter(postgres.DataSource).ImportAsync(tenant, generated.ToBatch(withPayments: true), CancellationToken.None);
        var dates = EquivalenceCases.AsOfOffsets.Select(d => generated.Meta.AsOf.AddDays(d)).ToList();

        // Act
        var (failures, cases, findings) = await CompareAsync(tenant, dates, EquivalenceCases.Settings(generated));

        // Assert
        output.WriteLine($"seed {seed}: {cases} cases, {findings} findings on the whole ledger");
        Assert.True(findings > 0, "the whole ledger found nothing: the comparison would prove nothing");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task LoadAsync_SampleOperator_ScreenedFindingsEqualWholeLedgerFindings()
    {
        // Arrange
        var sample = SampleOperatorGenerator.Generate();
        var tenant = "eqv-" + Guid.NewGuid().ToString("N")[..8];
        await new LedgerImporter(postgres.DataSource).ImportAsync(tenant, sample.ToBatch(), CancellationToken.None);
        var dates = EquivalenceCases.SampleDates(SampleOperatorGenerator.EarliestAsOf, SampleOperatorGenerator.DefaultAsOf);
        var settings = RuleSettings.Default with { GroupCreditLimits = sample.GroupCreditLimits };

        // Act
        var (failures, cases, findings) = await CompareAsync(tenant, dates, [("sample", settings), ("defaults", RuleSettings.Default)]);

        // Assert
        output.WriteLine($"sample: {cases} cases, {findings} findings on the whole ledger");
        Assert.True(findings > 0, "the whole ledger found nothing: the comparison would prove nothing");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Generate_EveryPlant_EveryRuleFiresSomewhereAcrossTheCases()
    {
        // Arrange: the same ledgers, dates and settings as the equivalence cases, in memory
        var fired = new Dictionary<string, int>(StringComparer.Ordinal);
        var paidUp = new Dictionary<string, int>(StringComparer.Ordinal);

        // Act
        foreach (var seed in EquivalenceCases.Seeds)
        {
            var generated = EquivalenceCases.Ledger(seed);
            var ledger = LedgerSnapshot.From(generated.ToBatch(withPayments: true));
            foreach (var (_, settings) in EquivalenceCases.Settings(generated))
            {
                foreach (var offset in EquivalenceCases.AsOfOffsets)
                {
                    foreach (var finding in _engine.Evaluate(new RuleContext(ledger, ledger.Meta.AsOf.AddDays(offset), settings)).Findings)
                    {
                        fired[finding.RuleId] = fired.GetValueOrDefault(finding.RuleId) + 1;
                        if (IsPaidUp(ledger, finding)) paidUp[finding.RuleId] = paidUp.GetValueOrDefault(finding.RuleId) + 1;
                    }
                }
            }
        }

        // Assert
        foreach (var rule in _engine.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            output.WriteLine($"{rule.Id,-28} {fired.GetValueOrDefault(rule.Id),7} findings, {paidUp.GetValueOrDefault(rule.Id),6} on paid-up projects");
        }
        var silent = _engine.Rules.Select(r => r.Id).Where(id => !fired.ContainsKey(id) && !EquivalenceCases.NotPlanted.ContainsKey(id)).ToList();
        Assert.True(silent.Count == 0, "never fired, so the equivalence tests do not test them: " + string.Join(", ", silent));
        Assert.Equal(23, _engine.Rules.Count);
    }

    // A finding on a project (or invoice of a project) whose invoices all have a zero balance: the
    // screens' business, since the base scope does not load such projects.
    private static bool IsPaidUp(LedgerSnapshot ledger, Finding finding) =>
        finding.ProjectId is { } projectId && ledger.InvoicesOfProject(projectId).All(i => i.Balance == 0m || i.Status == InvoiceStatus.Void);

    private async Task<(List<string> Failures, int Cases, int Findings)> CompareAsync(
        string tenant, IReadOnlyList<DateOnly> dates, IReadOnlyList<(string Name, RuleSettings Settings)> variations)
    {
        var whole = await new LedgerSnapshotStore(postgres.DataSource).LoadAsync(tenant, CancellationToken.None);
        var loader = new ScreenedLedgerLoader(postgres.DataSource);
        var failures = new List<string>();
        var (cases, findings) = (0, 0);
        var clock = Stopwatch.StartNew();
        foreach (var (name, settings) in variations)
        {
            var (read, total) = (0L, 0L);
            foreach (var asOf in dates)
            {
                // As ExceptionEvaluator.EvaluateTenantAsync does: the rules over the screened read, then only the findings it owns.
                var screened = await loader.LoadAsync(tenant, asOf, settings, CancellationToken.None);
                var expected = _engine.Evaluate(new RuleContext(whole, asOf, settings)).Findings;
                var actual = screened.Owned(_engine.Evaluate(new RuleContext(screened.Snapshot, asOf, settings)).Findings);
                cases++;
                findings += expected.Count;
                (read, total) = (read + screened.Snapshot.Invoices.Count, total + whole.Invoices.Count);
                var differences = FindingsComparison.Differences(expected, actual);
                if (expected.Count != actual.Count || differences.Count > 0)
                {
                    failures.Add(FindingsComparison.Report(
                        $"as of {asOf:yyyy-MM-dd}, settings '{name}' ({expected.Count} findings whole, {actual.Count} screened, " +
                        $"{screened.Snapshot.Invoices.Count}/{whole.Invoices.Count} invoices and {screened.WholeProjectCount}/{whole.Projects.Count} projects read whole)",
                        differences));
                }
            }
            output.WriteLine($"settings '{name}': the screened reads held {100.0 * read / total:0.0} % of the invoices");
        }
        output.WriteLine($"{cases} cases compared in {clock.Elapsed.TotalSeconds:0.0} s");
        return (failures, cases, findings);
    }
}
