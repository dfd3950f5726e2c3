namespace Allometry.Core.Tests.Scoring;

using Allometry.Core.Scoring;
using static Allometry.Core.Tests.Scoring.ScoringFixtures;

/// <summary>Tiers of domain.md §3: &lt; 25 Low, 25–49 Watch, 50–74 High, ≥ 75 Critical.</summary>
public sealed class RiskTierTests
{
    [Theory]
    [InlineData("0", RiskTier.Low)]
    [InlineData("24.99", RiskTier.Low)]
    [InlineData("25", RiskTier.Watch)]
    [InlineData("49.99", RiskTier.Watch)]
    [InlineData("50", RiskTier.High)]
    [InlineData("74.99", RiskTier.High)]
    [InlineData("75", RiskTier.Critical)]
    [InlineData("100", RiskTier.Critical)]
    public void TierOf_ScoreAtAnEdge_FallsInTheTierThatStartsThere(string score, RiskTier expected)
    {
        // Arrange
        var value = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var tier = RiskScorer.TierOf(value, Weights);

        // Assert
        Assert.Equal(expected, tier);
    }

    [Theory]
    [InlineData(119, "24.79", RiskTier.Low)]
    [InlineData(120, "25", RiskTier.Watch)]
    public void Recompute_ScoreJustBelowAndAtTwentyFive_IsLowThenWatch(int dbt, string score, RiskTier expected)
    {
        // Arrange
        var inputs = Clean() with { OldestDaysBeyondTerms = dbt };

        // Act
        var result = Score(inputs);

        // Assert
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), result.Score);
        Assert.Equal(expected, result.Tier);
    }

    [Fact]
    public void Recompute_ScoreOfExactlySeventyFive_IsCritical()
    {
        // Arrange: 25 (F1) + 20 (F2) + 10 (F4) + 5 (F6) + 15 (F7) = 75.
        var inputs = Clean() with
        {
            OldestDaysBeyondTerms = 120,
            History = Window(12, 91m),
            Recent = Window(3, 91m),
            BrokenPromises = [new("A", AsOf.AddDays(-3), 10m, 0m), new("B", AsOf.AddDays(-4), 10m, 0m)],
            ShortPaidInvoiceIds = ["A"],
            IsDisputed = true,
            Structural =
            [
                new(StructuralFlag.PayerChangeOrLinkedExposure, "PayerChangeExposure", "a"),
                new(StructuralFlag.DepositGateBreached, "DepositGateUnpaid", "b"),
                new(StructuralFlag.RetainagePastRelease, "HoldbackReleaseDue", "c"),
            ],
        };

        // Act
        var result = Score(inputs);

        // Assert
        Assert.Equal(75m, result.Score);
        Assert.Equal(RiskTier.Critical, result.Tier);
    }
}
