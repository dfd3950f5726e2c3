namespace Allometry.Core.Tests.Scoring;

using System.Text.Json;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Scoring;
using Allometry.Core.Tests.Rules;
using static Allometry.Core.Tests.Scoring.ScoringFixtures;

/// <summary>An auditor recomputes a past score from its stored inputs and weights version.</summary>
public sealed class RiskScoreRecomputeTests
{
    [Fact]
    public void Recompute_InputsStoredAsJsonAndReadBack_GivesTheIdenticalScore()
    {
        // Arrange
        var original = ScoreWithEveryFactor();
        var stored = JsonSerializer.Serialize(original.Inputs);

        // Act
        var inputs = JsonSerializer.Deserialize<ScoreInputs>(stored)!;
        var recomputed = RiskScorer.Recompute(inputs, ScoreWeights.ForVersion(original.WeightsVersion));

        // Assert
        Assert.All(original.Factors, f => Assert.True(f.Points > 0m, $"{f.Id} should score in this scenario"));
        Assert.Equal(original.Score, recomputed.Score);
        Assert.Equal(original.Tier, recomputed.Tier);
        Assert.Equal(original.Factors, recomputed.Factors, (a, b) =>
            a.Id == b.Id && a.Points == b.Points && a.Max == b.Max && a.Inputs == b.Inputs && a.Explanation == b.Explanation);
        Assert.Equal(JsonSerializer.Serialize(original), JsonSerializer.Serialize(recomputed));
    }

    [Fact]
    public void Serialize_StoredInputs_WriteStructuralFlagsByName()
    {
        // Arrange
        var original = ScoreWithEveryFactor();

        // Act
        var stored = JsonSerializer.Serialize(original.Inputs);

        // Assert
        Assert.Contains("\"Flag\":\"DepositGateBreached\"", stored, StringComparison.Ordinal);
        Assert.Contains("\"AsOf\":\"2026-11-20\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Recompute_OtherWeights_RecordsTheirVersionAndAppliesThem()
    {
        // Arrange
        var original = ScoreWithEveryFactor();
        var heavierHistory = ScoreWeights.Current with { Version = "test-2", HistoryVeryLatePoints = 16m, HistorySeverePoints = 16m, HistoryMonths = 12 };

        // Act
        var recomputed = RiskScorer.Recompute(original.Inputs, heavierHistory);

        // Assert
        Assert.Equal("test-2", recomputed.WeightsVersion);
        Assert.Equal(14m, original.Factor("F2").Points);
        Assert.Equal(16m, recomputed.Factor("F2").Points);
        Assert.Equal(original.Score + 2m, recomputed.Score);
    }

    /// <summary>A payer for whom all seven factors score: late, worsening, promise broken, exposed, short-paid, disputed, gate breached.</summary>
    private static RiskScore ScoreWithEveryFactor()
    {
        var ledger = new TestLedger().Payer("P1", creditLimit: 40_000m)
            .Invoice("OLD", "P1", null, 10_000m, issued: AsOf.AddDays(-114), due: AsOf.AddDays(-84))
            .Invoice("PAST", "P1", null, 20_000m, issued: AsOf.AddDays(-230), due: AsOf.AddDays(-200), balance: 0m)
            .Payment("PAY-PAST", "P1", 22_995m, AsOf.AddDays(-150), ("PAST", 22_995m))
            .Invoice("RECENT", "P1", null, 4_000m, issued: AsOf.AddDays(-130), due: AsOf.AddDays(-100), balance: 0m)
            .Payment("PAY-RECENT", "P1", 4_599m, AsOf.AddDays(-10), ("RECENT", 4_599m))
            .Invoice("SHORT", "P1", null, 5_000m, issued: AsOf.AddDays(-120), due: AsOf.AddDays(20), balance: 250m)
            .Payment("PAY-SHORT", "P1", 5_498.75m, AsOf.AddDays(-100), ("SHORT", 5_498.75m));
        ledger.Promises.Add(new PaymentPromise { PayerId = "P1", InvoiceId = "OLD", PromisedOn = AsOf.AddDays(-15), PromisedAmount = 11_497.50m, RecordedOn = AsOf.AddDays(-25) });
        var evaluation = Evaluation(Finding("DepositGateUnpaid", "P1", SubjectKind.Project, "PRJ", Severity.Critical, 3_000m));
        OpenDispute[] disputes = [new("P1", "SHORT", AsOf.AddDays(-2))];
        return RiskScorer.Score(ledger.Snapshot(), evaluation, AsOf, ScoringSettings.Default, disputes).For("P1")!;
    }
}
