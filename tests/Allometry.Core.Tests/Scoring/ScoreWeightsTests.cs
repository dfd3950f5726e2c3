namespace Allometry.Core.Tests.Scoring;

using Allometry.Core.Scoring;

public sealed class ScoreWeightsTests
{
    [Fact]
    public void Current_PublishedWeights_AreDomainSection3AndAddUpTo100()
    {
        // Arrange
        var weights = ScoreWeights.Current;

        // Act
        var total = weights.TotalMax;

        // Assert
        Assert.Equal("2026-11.1", weights.Version);
        Assert.Equal(100m, total);
        Assert.Equal((25m, 20m, 10m, 10m, 15m, 5m, 15m),
            (weights.OldestBeyondTermsMax, weights.HistoryMax, weights.TrendMax, weights.PromiseMax, weights.ExposureMax, weights.ShortPayOrDisputeMax, weights.StructuralMax));
        Assert.Equal((15, 45, 90), (weights.HistoryOnTimeMaxDays, weights.HistoryLateMaxDays, weights.HistoryVeryLateMaxDays));
        Assert.Equal((25m, 50m, 75m), (weights.WatchFrom, weights.HighFrom, weights.CriticalFrom));
    }

    [Fact]
    public void ForVersion_PublishedVersion_ReturnsThatSet()
    {
        // Arrange
        var version = ScoreWeights.Current.Version;

        // Act
        var weights = ScoreWeights.ForVersion(version);

        // Assert
        Assert.Same(ScoreWeights.Current, weights);
    }

    [Fact]
    public void ForVersion_UnknownVersion_ThrowsNamingTheKnownOnes()
    {
        // Arrange
        const string version = "1999-01.1";

        // Act
        var error = Assert.Throws<ArgumentException>(() => ScoreWeights.ForVersion(version));

        // Assert
        Assert.Contains("2026-11.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recompute_WeightsWhoseMaximaExceed100_ThrowsRatherThanClamp()
    {
        // Arrange
        var weights = ScoreWeights.Current with { Version = "too-much", ExposureMax = 20m };

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => RiskScorer.Recompute(ScoringFixtures.Clean(), weights));

        // Assert
        Assert.Contains("105", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recompute_BandEdgesOutOfOrder_Throws()
    {
        // Arrange
        var weights = ScoreWeights.Current with { Version = "bad-bands", HistoryLateMaxDays = 10 };

        // Act
        var act = () => RiskScorer.Recompute(ScoringFixtures.Clean(), weights);

        // Assert
        Assert.Throws<InvalidOperationException>(act);
    }
}
