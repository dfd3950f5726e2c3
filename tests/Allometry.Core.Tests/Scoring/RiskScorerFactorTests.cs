namespace Allometry.Core.Tests.Scoring;

using Allometry.Core.Scoring;
using static Allometry.Core.Tests.Scoring.ScoringFixtures;

/// <summary>F1–F7 of domain.md §3 at their boundaries, computed from inputs alone.</summary>
public sealed class RiskScorerFactorTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "0.21")]
    [InlineData(60, "12.5")]
    [InlineData(84, "17.5")]
    [InlineData(119, "24.79")]
    [InlineData(120, "25")]
    [InlineData(121, "25")]
    [InlineData(400, "25")]
    public void Recompute_OldestDaysBeyondTerms_Scores25TimesDbtOver120Capped(int dbt, string expected)
    {
        // Arrange
        var inputs = Clean() with { OldestDaysBeyondTerms = dbt, OldestInvoiceId = dbt > 0 ? "INV-1" : null };

        // Act
        var points = Points(inputs, "F1");

        // Assert
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), points);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(15, 0)]
    [InlineData(16, 7)]
    [InlineData(45, 7)]
    [InlineData(46, 14)]
    [InlineData(90, 14)]
    [InlineData(91, 20)]
    [InlineData(365, 20)]
    public void Recompute_AverageDaysLate_ScoresItsBand(int averageDaysLate, int expected)
    {
        // Arrange
        var inputs = Clean() with { History = Window(12, averageDaysLate), Recent = Window(3, averageDaysLate) };

        // Act
        var points = Points(inputs, "F2");

        // Assert
        Assert.Equal(expected, points);
    }

    [Fact]
    public void Recompute_NoPaymentInTwelveMonths_ScoresTenForPaymentHistory()
    {
        // Arrange
        var inputs = Clean() with { History = Empty(12), Recent = Empty(3) };

        // Act
        var score = Score(inputs);

        // Assert
        Assert.Equal(10m, score.Factor("F2").Points);
        Assert.Equal("No payment applied in the last 12 months", score.Factor("F2").Inputs.En);
        Assert.Equal(0m, score.Factor("F3").Points);
    }

    [Theory]
    [InlineData("15.49", 0)]
    [InlineData("15.5", 7)]
    [InlineData("45.5", 14)]
    [InlineData("90.5", 20)]
    public void Recompute_FractionalAverage_RoundsToTheDayHalfAwayFromZeroBeforeBanding(string average, int expected)
    {
        // Arrange
        var days = decimal.Parse(average, System.Globalization.CultureInfo.InvariantCulture);
        var inputs = Clean() with { History = Window(12, days, amount: 2_000m, applications: 2) };

        // Act
        var points = Points(inputs, "F2");

        // Assert
        Assert.Equal(expected, points);
    }

    [Fact]
    public void Recompute_PaymentHistory_StatesTheWeightedAverageAndAmountInBothLanguages()
    {
        // Arrange
        var inputs = Clean() with { History = Window(12, 52m, amount: 84_210m, applications: 9) };

        // Act
        var factor = Score(inputs).Factor("F2");

        // Assert
        Assert.Equal(14m, factor.Points);
        Assert.Equal("weighted avg 52 days late over 12 months on $84,210.00", factor.Inputs.En);
        Assert.Equal("retard moyen pondéré de 52 jours sur 12 mois, sur 84\u00A0210,00\u00A0$", factor.Inputs.Fr);
    }

    [Theory]
    [InlineData(10, 10, "0")]
    [InlineData(40, 10, "0")]
    [InlineData(10, 11, "0.33")]
    [InlineData(10, 25, "5")]
    [InlineData(10, 39, "9.67")]
    [InlineData(10, 40, "10")]
    [InlineData(10, 41, "10")]
    [InlineData(0, 200, "10")]
    public void Recompute_Trend_Scores10TimesClampedWorseningOver30Days(int historyDays, int recentDays, string expected)
    {
        // Arrange
        var inputs = Clean() with { History = Window(12, historyDays), Recent = Window(3, recentDays) };

        // Act
        var points = Points(inputs, "F3");

        // Assert
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), points);
    }

    [Fact]
    public void Recompute_NoRecentPayments_ScoresNoTrend()
    {
        // Arrange
        var inputs = Clean() with { History = Window(12, 10m), Recent = Empty(3) };

        // Act
        var points = Points(inputs, "F3");

        // Assert
        Assert.Equal(0m, points);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 10)]
    [InlineData(7, 10)]
    public void Recompute_BrokenPromises_ScoresFiveEachCappedAtTen(int broken, int expected)
    {
        // Arrange
        var promises = Enumerable.Range(1, broken)
            .Select(n => new BrokenPromiseFact($"INV-{n}", AsOf.AddDays(-n * 10), 1_000m, 0m)).ToList();
        var inputs = Clean() with { BrokenPromises = promises };

        // Act
        var points = Points(inputs, "F4");

        // Assert
        Assert.Equal(expected, points);
    }

    [Theory]
    [InlineData("0", "150000", "0")]
    [InlineData("-500", "150000", "0")]
    [InlineData("1500", "150000", "0.15")]
    [InlineData("75000", "150000", "7.5")]
    [InlineData("149999", "150000", "15")]
    [InlineData("150000", "150000", "15")]
    [InlineData("300000", "150000", "15")]
    [InlineData("1", "0", "15")]
    public void Recompute_ExposureWithCreditLimit_Scores15TimesOpenArOverLimitCapped(string openAr, string limit, string expected)
    {
        // Arrange
        var inputs = Clean() with { OpenAr = D(openAr), CreditLimit = D(limit), PortfolioPercentileBalance = 1m };

        // Act
        var points = Points(inputs, "F5");

        // Assert
        Assert.Equal(D(expected), points);
    }

    [Theory]
    [InlineData("50000", "100000", "7.5")]
    [InlineData("100000", "100000", "15")]
    [InlineData("250000", "100000", "15")]
    [InlineData("0", "0", "0")]
    public void Recompute_ExposureWithoutCreditLimit_UsesThePercentileOfOpenBalances(string openAr, string p90, string expected)
    {
        // Arrange
        var inputs = Clean() with { OpenAr = D(openAr), CreditLimit = null, PortfolioPercentileBalance = D(p90) };

        // Act
        var factor = Score(inputs).Factor("F5");

        // Assert
        Assert.Equal(D(expected), factor.Points);
        Assert.Contains("no credit limit: P90 of open balances", factor.Inputs.En, StringComparison.Ordinal);
        Assert.Contains("sans limite de crédit : P90 des soldes ouverts", factor.Inputs.Fr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, "0")]
    [InlineData(true, false, "2.5")]
    [InlineData(false, true, "2.5")]
    [InlineData(true, true, "5")]
    public void Recompute_ShortPayAndDispute_Score2Point5Each(bool shortPaid, bool disputed, string expected)
    {
        // Arrange
        var inputs = Clean() with { ShortPaidInvoiceIds = shortPaid ? ["INV-7"] : [], IsDisputed = disputed };

        // Act
        var points = Points(inputs, "F6");

        // Assert
        Assert.Equal(D(expected), points);
    }

    [Fact]
    public void Recompute_TwoFindingsOfOneStructuralFlag_ScoreTheFlagOnce()
    {
        // Arrange
        var inputs = Clean() with
        {
            Structural =
            [
                new(StructuralFlag.PayerChangeOrLinkedExposure, "PayerChangeExposure", "PayerChangeExposure|Project:PRJ"),
                new(StructuralFlag.PayerChangeOrLinkedExposure, "LinkedGroupOverLimit", "LinkedGroupOverLimit|LinkedGroup:P1"),
            ],
        };

        // Act
        var points = Points(inputs, "F7");

        // Assert
        Assert.Equal(5m, points);
    }

    [Fact]
    public void Recompute_AllThreeStructuralFlags_ScoresFifteen()
    {
        // Arrange
        var inputs = Clean() with { Structural = AllFlags() };

        // Act
        var factor = Score(inputs).Factor("F7");

        // Assert
        Assert.Equal(15m, factor.Points);
        Assert.Contains("deposit gate breached (DepositGateUnpaid)", factor.Inputs.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Recompute_StructuralPointsAboveTheCap_AreCappedAtTheMaximum()
    {
        // Arrange
        var weights = Weights with { Version = "test-f7-cap", StructuralPoints = 6m, StructuralMax = 15m };
        var inputs = Clean() with { Structural = AllFlags() };

        // Act
        var three = Points(inputs, "F7", weights);
        var two = Points(inputs with { Structural = [.. AllFlags().Take(2)] }, "F7", weights);

        // Assert
        Assert.Equal(15m, three);
        Assert.Equal(12m, two);
    }

    [Fact]
    public void Recompute_EveryFactorAtItsMaximum_Scores100Critical()
    {
        // Arrange
        var inputs = Clean() with
        {
            OldestDaysBeyondTerms = 200,
            History = Window(12, 120m),
            Recent = Window(3, 300m),
            BrokenPromises = [new("A", AsOf.AddDays(-5), 10m, 0m), new("B", AsOf.AddDays(-9), 10m, 0m)],
            OpenAr = 1_000_000m,
            ShortPaidInvoiceIds = ["A"],
            IsDisputed = true,
            Structural = AllFlags(),
        };

        // Act
        var score = Score(inputs);

        // Assert
        Assert.Equal(100m, score.Score);
        Assert.Equal(RiskTier.Critical, score.Tier);
        Assert.All(score.Factors, f => Assert.Equal(f.Max, f.Points));
    }

    [Fact]
    public void Recompute_AnyInputs_ScoreIsTheSumOfSevenFactorsInOrder()
    {
        // Arrange
        var inputs = Clean() with
        {
            OldestDaysBeyondTerms = 37,
            History = Window(12, 20m),
            Recent = Window(3, 31m),
            OpenAr = 12_345.67m,
            CreditLimit = 50_000m,
            ShortPaidInvoiceIds = ["X"],
        };

        // Act
        var score = Score(inputs);

        // Assert
        Assert.Equal(["F1", "F2", "F3", "F4", "F5", "F6", "F7"], score.Factors.Select(f => f.Id));
        Assert.Equal(score.Factors.Sum(f => f.Points), score.Score);
        Assert.Equal(7.71m + 7m + 3.67m + 0m + 3.70m + 2.5m + 0m, score.Score);
        Assert.Equal(ScoreWeights.Current.Version, score.WeightsVersion);
    }

    [Fact]
    public void Recompute_AnyInputs_ExplainsEveryFactorInBothLanguages()
    {
        // Arrange
        var inputs = Clean() with { OldestDaysBeyondTerms = 84, OldestInvoiceId = "INV-1", Structural = AllFlags(), IsDisputed = true };

        // Act
        var score = Score(inputs);

        // Assert
        Assert.Equal("DBT 84 days (INV-1)", score.Factor("F1").Inputs.En);
        Assert.Equal("84 jours après l'échéance (INV-1)", score.Factor("F1").Inputs.Fr);
        Assert.All(score.Factors, f =>
        {
            foreach (var text in new[] { f.Name, f.Inputs, f.Explanation })
            {
                Assert.False(string.IsNullOrWhiteSpace(text.En));
                Assert.False(string.IsNullOrWhiteSpace(text.Fr));
                Assert.NotEqual(text.En, text.Fr);
            }
        });
        Assert.Equal("Risk 35/100 (Watch): F1 oldest days beyond terms 17.5, F7 structural 15, F6 short pay / dispute 2.5.", score.Summary.En);
        Assert.Equal("Risque 35/100 (Surveillance) : F1 plus ancien retard après l'échéance 17,5, F7 facteurs structurels 15, F6 paiement partiel / litige 2,5.",
            score.Summary.Fr);
    }

    private static IReadOnlyList<StructuralFact> AllFlags() =>
    [
        new(StructuralFlag.PayerChangeOrLinkedExposure, "PayerChangeExposure", "PayerChangeExposure|Project:PRJ"),
        new(StructuralFlag.DepositGateBreached, "DepositGateUnpaid", "DepositGateUnpaid|Project:PRJ"),
        new(StructuralFlag.RetainagePastRelease, "RetenueReleaseDue", "RetenueReleaseDue|RetainageHold:PRJ/INV"),
    ];

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
