namespace Allometry.Core.Tests.Scoring;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Sample;
using Allometry.Core.Scoring;
using Allometry.Core.Tests.Sample;

/// <summary>The score and the queue on the reference sample operator, with the whole rule catalogue.</summary>
public sealed class RiskScoreSampleTests : IClassFixture<RiskScoreSampleTests.Run>
{
    /// <summary>Planted cases of delinquency: money overdue, a broken promise, money left on an old entity.</summary>
    private static readonly string[] DelinquencyRules = ["OverdueInvoice", "AgingConcentration", "BrokenPromise", "PayerChangeExposure"];

    private readonly Run _run;

    public RiskScoreSampleTests(Run run) => _run = run;

    [Fact]
    public void Score_EveryPayer_ScoresWithinZeroToHundredAsTheSumOfItsFactors()
    {
        // Arrange
        var payers = _run.Sample.Payers.Select(p => p.PayerId).ToList();

        // Act
        var scores = payers.Select(id => _run.Queue.Scores.For(id)).ToList();

        // Assert
        Assert.Equal(payers.Count, scores.Count(s => s is not null));
        Assert.All(scores, s =>
        {
            Assert.InRange(s!.Score, 0m, 100m);
            Assert.Equal(7, s.Factors.Count);
            Assert.Equal(s.Factors.Sum(f => f.Points), s.Score);
            Assert.All(s.Factors, f => Assert.InRange(f.Points, 0m, f.Max));
            Assert.Equal(RiskScorer.TierOf(s.Score, ScoreWeights.Current), s.Tier);
            Assert.Equal(ScoreWeights.Current.Version, s.WeightsVersion);
        });
    }

    [Fact]
    public void Score_PlantedDelinquentPayers_ScoreAboveEveryCleanPayer()
    {
        // Arrange
        var delinquent = DelinquentPayers();
        var clean = CleanPayers();

        // Act
        var lowestDelinquent = delinquent.Min(id => _run.Queue.Scores.For(id)!.Score);
        var highestClean = clean.Max(id => _run.Queue.Scores.For(id)!.Score);

        // Assert
        Assert.True(clean.Count >= 5, $"only {clean.Count} clean payers");
        Assert.True(lowestDelinquent > highestClean, $"lowest delinquent {lowestDelinquent} ≤ highest clean {highestClean}");
    }

    [Fact]
    public void Build_Sample_RanksPlantedDelinquentPayersFirstAndCleanPayersNowhere()
    {
        // Arrange
        var delinquent = DelinquentPayers();
        var clean = CleanPayers();

        // Act
        var top = _run.Queue.Items.Take(delinquent.Count).Select(i => i.PayerId).ToHashSet(StringComparer.Ordinal);
        var listed = _run.Queue.Items.Concat(_run.Queue.Disputes).Select(i => i.PayerId).ToHashSet(StringComparer.Ordinal);

        // Assert
        Assert.Equal(delinquent.Order(StringComparer.Ordinal), top.Order(StringComparer.Ordinal));
        Assert.All(_run.Queue.Items.Take(delinquent.Count), i => Assert.True(i.Priority > 0m && i.Amount > 0m, i.PayerId));
        Assert.DoesNotContain(clean, listed.Contains);
        Assert.Empty(_run.Queue.Disputes);
    }

    [Fact]
    public void Build_Sample_CarriesEveryActionableFindingOnceWithItsPayersScore()
    {
        // Arrange
        var actionable = _run.Evaluation.Findings.Where(f => f.Severity > Severity.Info).ToList();

        // Act
        var carried = _run.Queue.Items.SelectMany(i => i.Findings.Select(f => (Item: i, Finding: f))).ToList();

        // Assert
        Assert.Equal(actionable.Count, carried.Count + _run.Queue.Unassigned.Count);
        Assert.All(carried, x => Assert.Same(x.Item.Risk, _run.Queue.Scores.For(x.Finding)));
    }

    [Fact]
    public void Score_HandoffDeveloper_TakesTheOverdueInvoiceLeftOnTheBuilder()
    {
        // Arrange
        var handoff = _run.Sample.PlantedCases.Single(c => c.RuleId == "PayerChangeExposure");
        var project = _run.Sample.Projects.Single(p => p.ProjectId == handoff.SubjectId);

        // Act
        var builder = _run.Queue.Scores.For(project.ContractPayerId)!;
        var developer = _run.Queue.Scores.For(project.CurrentPayerId!)!;

        // Assert
        Assert.Equal(handoff.Evidence.Where(e => e.StartsWith("INV", StringComparison.Ordinal)), developer.Inputs.ReroutedInvoiceIds);
        Assert.True(developer.Factor("F1").Points > 0m);
        Assert.Equal(5m, developer.Factor("F7").Points);
        Assert.Equal(0m, builder.Factor("F1").Points);
    }

    /// <summary>The payers the rule engine routes the planted delinquency findings to.</summary>
    private HashSet<string> DelinquentPayers()
    {
        var planted = _run.Sample.PlantedCases.Where(c => DelinquencyRules.Contains(c.RuleId)).ToList();
        Assert.Equal(DelinquencyRules.Length, planted.Count);
        return planted
            .Select(c => _run.Evaluation.Findings.Single(f => f.RuleId == c.RuleId && f.Subject == c.Subject).PayerId!)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Payers none of whose rows a planted case names, directly or through its projects.</summary>
    private HashSet<string> CleanPayers()
    {
        var ids = SampleViews.PlantedIds(_run.Sample);
        var s = _run.Sample;
        bool Touched(string payerId) =>
            ids.Contains(payerId)
            || s.Invoices.Any(i => i.PayerId == payerId && SampleViews.IsPlanted(i, ids))
            || s.Projects.Any(p => (p.ContractPayerId == payerId || p.CurrentPayerId == payerId) && ids.Contains(p.ProjectId))
            || s.Payments.Any(p => p.PayerId == payerId && ids.Contains(p.PaymentId))
            || s.ServiceContracts.Any(c => c.PayerId == payerId && ids.Contains(c.ContractId));
        return s.Payers.Select(p => p.PayerId).Where(id => !Touched(id)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The sample, the full rule catalogue's evaluation and the queue, computed once.</summary>
    public sealed class Run
    {
        public Run()
        {
            Sample = SampleOperatorGenerator.Generate();
            var snapshot = LedgerSnapshot.From(Sample.ToBatch());
            var rules = RuleSettings.Default with { GroupCreditLimits = Sample.GroupCreditLimits };
            Evaluation = RuleCatalog.CreateEngine().Evaluate(new RuleContext(snapshot, Sample.Meta.AsOf, rules));
            Queue = CollectionsQueue.Build(snapshot, Evaluation, Sample.Meta.AsOf, new ScoringSettings { Rules = rules });
        }

        public SampleLedger Sample { get; }

        public RuleEvaluation Evaluation { get; }

        public CollectionsQueue Queue { get; }
    }
}
