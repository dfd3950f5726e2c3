namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Sample;
using Allometry.Testing;

/// <summary>
/// The project screens against the rules over the whole sample operator at as-of dates across
/// its whole range: every finding's project is a candidate, and the exact screens name nothing else.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SampleScreenSoundnessTests(PostgresFixture postgres)
{
    private readonly ScreenTestBed _bed = new(postgres);

    // Screens that replicate their rule's condition: their candidates are exactly the projects reported.
    private static readonly IRuleScreen[] Exact =
    [
        new DepositGateUnpaidScreen(), new DepositNotInvoicedScreen(), new QuoteInvoiceVarianceScreen(),
        new RenewalPrebillDueScreen(), new RetainageNeverInvoicedScreen(),
    ];

    // Screens that bound their rule: their candidates include every project reported.
    private static readonly IRuleScreen[] Bounding = [new ReleaseDueScreen(), new HypothecDeadlineScreen(), new PayerChangeExposureScreen()];

    // Rules of the family the base scope covers (BaseScope.Covers): every finding's project has an open invoice.
    private static readonly string[] OpenOnly = ["UnappliedDeposit"];

    public static TheoryData<DateOnly> AsOfDates()
    {
        var data = new TheoryData<DateOnly>();
        var span = SampleOperatorGenerator.DefaultAsOf.DayNumber - SampleOperatorGenerator.EarliestAsOf.DayNumber;
        for (var day = 0; day < span; day += 19)
        {
            data.Add(SampleOperatorGenerator.EarliestAsOf.AddDays(day));
        }
        data.Add(SampleOperatorGenerator.DefaultAsOf);
        return data;
    }

    [Theory]
    [MemberData(nameof(AsOfDates))]
    public async Task RunAsync_SampleAtAsOf_CandidatesCoverEveryFinding(DateOnly asOf)
    {
        // Arrange
        var tenant = await _bed.ImportAsync(SampleOperatorGenerator.Generate(asOf: asOf).ToBatch());
        var snapshot = await new LedgerSnapshotStore(postgres.DataSource).LoadAsync(tenant, CancellationToken.None);
        var findings = RuleCatalog.CreateEngine().Evaluate(new RuleContext(snapshot, asOf, RuleSettings.Default)).Findings
            .ToLookup(f => f.RuleId, StringComparer.Ordinal);
        var open = await _bed.OpenProjectsAsync(tenant);

        // Act
        var exact = new Dictionary<IRuleScreen, ScreenResult>();
        foreach (var screen in Exact) exact[screen] = await _bed.ScreenAsync(screen, tenant, asOf);
        var bounding = new Dictionary<IRuleScreen, ScreenResult>();
        foreach (var screen in Bounding) bounding[screen] = await _bed.ScreenAsync(screen, tenant, asOf);

        // Assert
        foreach (var (screen, result) in exact)
        {
            var reported = screen.RuleIds.SelectMany(r => findings[r]).Select(f => f.ProjectId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            Assert.True(reported.SetEquals(result.NamedProjectIds),
                $"{screen.GetType().Name} at {asOf}: reported [{string.Join(", ", reported.Order())}], screened [{string.Join(", ", result.NamedProjectIds.Order())}]");
        }
        foreach (var (screen, result) in bounding)
        {
            ScreenTestBed.AssertCovers(result, screen.RuleIds.SelectMany(r => findings[r]), $"{screen.GetType().Name} at {asOf}");
        }
        foreach (var finding in OpenOnly.SelectMany(r => findings[r]))
        {
            Assert.True(finding.ProjectId is null || open.Contains(finding.ProjectId),
                $"{finding.RuleId} at {asOf} reports {finding.Subject.Id} on project {finding.ProjectId}, which has no open invoice");
        }
    }

    [Fact]
    public async Task RunAsync_SampleAtDefaultAsOf_EveryScreenedRuleReportsSomething()
    {
        // Arrange: the sample plants a case of every rule, so the soundness theory is not vacuous.
        var asOf = SampleOperatorGenerator.DefaultAsOf;
        var tenant = await _bed.ImportAsync(SampleOperatorGenerator.Generate(asOf: asOf).ToBatch());
        var snapshot = await new LedgerSnapshotStore(postgres.DataSource).LoadAsync(tenant, CancellationToken.None);

        // Act
        var reported = RuleCatalog.CreateEngine().Evaluate(new RuleContext(snapshot, asOf, RuleSettings.Default)).Findings
            .Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);

        // Assert
        var screened = Exact.Concat(Bounding).SelectMany(s => s.RuleIds).Concat(OpenOnly);
        Assert.All(screened, ruleId => Assert.Contains(ruleId, reported));
    }
}
