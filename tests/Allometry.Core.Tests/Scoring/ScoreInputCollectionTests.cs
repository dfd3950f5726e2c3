namespace Allometry.Core.Tests.Scoring;

using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Scoring;
using Allometry.Core.Tests.Rules;
using static Allometry.Core.Tests.Scoring.ScoringFixtures;

/// <summary>How the scorer reads a ledger and the rule engine's findings into <see cref="ScoreInputs"/>.</summary>
public sealed class ScoreInputCollectionTests
{
    private static ScoreInputs InputsOf(TestLedger ledger, string payerId, RuleEvaluation? evaluation = null,
        IReadOnlyCollection<OpenDispute>? disputes = null, ScoringSettings? settings = null) =>
        RiskScorer.CollectInputs(ledger.Snapshot(), evaluation ?? Evaluation(), AsOf, settings ?? ScoringSettings.Default, disputes)
            .Single(i => i.PayerId == payerId);

    private static RiskScore ScoreOf(TestLedger ledger, string payerId, RuleEvaluation? evaluation = null, IReadOnlyCollection<OpenDispute>? disputes = null) =>
        RiskScorer.Score(ledger.Snapshot(), evaluation ?? Evaluation(), AsOf, ScoringSettings.Default, disputes).For(payerId)!;

    [Fact]
    public void CollectInputs_OpenInvoices_TakeTheMostDaysBeyondTermsOfThoseStillOwed()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1")
            .Invoice("PAID", "P1", null, 1_000m, due: AsOf.AddDays(-200), balance: 0m)
            .Invoice("VOID", "P1", null, 1_000m, due: AsOf.AddDays(-150), with: i => i with { Status = InvoiceStatus.Void })
            .Invoice("OLD", "P1", null, 1_000m, due: AsOf.AddDays(-84))
            .Invoice("NEW", "P1", null, 1_000m, due: AsOf.AddDays(-3));

        // Act
        var inputs = InputsOf(ledger, "P1");

        // Assert
        Assert.Equal(84, inputs.OldestDaysBeyondTerms);
        Assert.Equal("OLD", inputs.OldestInvoiceId);
    }

    [Fact]
    public void CollectInputs_ResidualThatIsOnlyTheHoldback_IsNotBeyondTerms()
    {
        // Arrange: billed 10,000 + tax with 1,000 held; all but the held 1,000 paid.
        var ledger = new TestLedger().Payer("P1")
            .Invoice("HB", "P1", null, 10_000m, due: AsOf.AddDays(-100), balance: 1_000m, with: i => i with { RetainageHeld = 1_000m });

        // Act
        var inputs = InputsOf(ledger, "P1");

        // Assert
        Assert.Equal(0, inputs.OldestDaysBeyondTerms);
        Assert.Equal(1_000m, inputs.OpenAr);
    }

    [Fact]
    public void CollectInputs_PaymentApplications_WeightDaysLateByTheAmountApplied()
    {
        // Arrange: 1,000 paid 40 days late, 3,000 paid early (counts as 0, not negative).
        var ledger = new TestLedger().Payer("P1")
            .Invoice("A", "P1", null, 1_000m, due: AsOf.AddDays(-100), balance: 0m)
            .Invoice("B", "P1", null, 3_000m, due: AsOf.AddDays(-30), balance: 0m)
            .Payment("PAY-A", "P1", 1_000m, AsOf.AddDays(-60), ("A", 1_000m))
            .Payment("PAY-B", "P1", 3_000m, AsOf.AddDays(-45), ("B", 3_000m));

        // Act
        var history = InputsOf(ledger, "P1").History;

        // Assert
        Assert.Equal((2, 4_000m, 40_000m, 10), (history.Applications, history.AppliedAmount, history.DayWeightedAmount, history.AverageDaysLate));
    }

    [Fact]
    public void CollectInputs_PaymentExactlyTwelveMonthsBack_CountsAndOneDayEarlierDoesNot()
    {
        // Arrange
        var from = AsOf.AddMonths(-12);
        var ledger = new TestLedger().Payer("P1")
            .Invoice("IN", "P1", null, 1_000m, due: from.AddDays(-20), balance: 0m)
            .Invoice("OUT", "P1", null, 1_000m, due: from.AddDays(-120), balance: 0m)
            .Payment("PAY-IN", "P1", 1_000m, from, ("IN", 1_000m))
            .Payment("PAY-OUT", "P1", 1_000m, from.AddDays(-1), ("OUT", 1_000m));

        // Act
        var history = InputsOf(ledger, "P1").History;

        // Assert
        Assert.Equal(1, history.Applications);
        Assert.Equal(20, history.AverageDaysLate);
        Assert.Equal(from, history.From);
    }

    [Fact]
    public void Score_PaymentsGettingLater_ScoresTheTrendOfTheLastThreeMonths()
    {
        // Arrange: 3,000 paid 10 days late eight months ago; 1,000 paid 70 days late last month.
        var ledger = new TestLedger().Payer("P1")
            .Invoice("OLD", "P1", null, 3_000m, due: AsOf.AddDays(-250), balance: 0m)
            .Invoice("NEW", "P1", null, 1_000m, due: AsOf.AddDays(-100), balance: 0m)
            .Payment("PAY-OLD", "P1", 3_000m, AsOf.AddDays(-240), ("OLD", 3_000m))
            .Payment("PAY-NEW", "P1", 1_000m, AsOf.AddDays(-30), ("NEW", 1_000m));

        // Act
        var score = ScoreOf(ledger, "P1");

        // Assert: 12 months (3,000 × 10 + 1,000 × 70) / 4,000 = 25; last 3 months 70; 10 × (45 / 30) → 10.
        Assert.Equal(25, score.Inputs.History.AverageDaysLate);
        Assert.Equal(70, score.Inputs.Recent.AverageDaysLate);
        Assert.Equal(7m, score.Factor("F2").Points);
        Assert.Equal(10m, score.Factor("F3").Points);
    }

    [Fact]
    public void CollectInputs_PromisePaidShortByItsDate_IsBrokenEvenWhenPaidLater()
    {
        // Arrange
        var ledger = PromiseLedger(promisedOn: AsOf.AddDays(-20), promised: 5_000m,
            ("PAY-1", AsOf.AddDays(-25), 1_000m), ("PAY-2", AsOf.AddDays(-5), 4_000m));

        // Act
        var promises = InputsOf(ledger, "P1").BrokenPromises;

        // Assert
        var broken = Assert.Single(promises);
        Assert.Equal(("INV", AsOf.AddDays(-20), 5_000m, 1_000m), (broken.InvoiceId, broken.PromisedOn, broken.PromisedAmount, broken.PaidByPromisedDate));
    }

    [Theory]
    [InlineData(4_999.00, 0)]
    [InlineData(4_998.99, 1)]
    public void CollectInputs_PromisePaidWithinTolerance_IsKept(double paid, int expectedBroken)
    {
        // Arrange
        var ledger = PromiseLedger(promisedOn: AsOf.AddDays(-20), promised: 5_000m, ("PAY-1", AsOf.AddDays(-20), (decimal)paid));

        // Act
        var promises = InputsOf(ledger, "P1").BrokenPromises;

        // Assert
        Assert.Equal(expectedBroken, promises.Count);
    }

    [Theory]
    [InlineData(180, 1)]
    [InlineData(181, 0)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    public void CollectInputs_BrokenPromise_CountsWithinTheLast180DaysOnceItsDateHasPassed(int daysAgo, int expectedBroken)
    {
        // Arrange
        var ledger = PromiseLedger(promisedOn: AsOf.AddDays(-daysAgo), promised: 5_000m);

        // Act
        var promises = InputsOf(ledger, "P1").BrokenPromises;

        // Assert
        Assert.Equal(expectedBroken, promises.Count);
    }

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    public void CollectInputs_ResidualAfterAPayment_IsAShortPayAfterFourteenDays(int daysSincePayment, bool expected)
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1")
            .Invoice("INV", "P1", null, 10_000m, due: AsOf.AddDays(10), balance: 500m)
            .Payment("PAY", "P1", 10_997.50m, AsOf.AddDays(-daysSincePayment), ("INV", 10_997.50m));

        // Act
        var score = ScoreOf(ledger, "P1");

        // Assert
        Assert.Equal(expected, score.Inputs.ShortPaidInvoiceIds.Contains("INV"));
        Assert.Equal(expected ? 2.5m : 0m, score.Factor("F6").Points);
    }

    [Fact]
    public void CollectInputs_PayersWithoutLimits_MeasureExposureAgainstTheNinetiethPercentileBalance()
    {
        // Arrange: ten payers owing 1,000 … 10,000; P90 by nearest rank is the 9th, 9,000.
        var ledger = new TestLedger();
        for (var n = 1; n <= 10; n++)
        {
            ledger.Payer($"P{n:00}").Invoice($"INV-{n}", $"P{n:00}", null, n * 1_000m, balance: n * 1_000m);
        }
        ledger.Payer("NONE");

        // Act
        var board = RiskScorer.Score(ledger.Snapshot(), Evaluation(), AsOf, ScoringSettings.Default);

        // Assert
        Assert.All(board.All, s => Assert.Equal(9_000m, s.Inputs.PortfolioPercentileBalance));
        Assert.Equal(8.33m, board.For("P05")!.Factor("F5").Points);
        Assert.Equal(15m, board.For("P09")!.Factor("F5").Points);
        Assert.Equal(15m, board.For("P10")!.Factor("F5").Points);
        Assert.Equal(0m, board.For("NONE")!.Factor("F5").Points);
    }

    [Fact]
    public void CollectInputs_PayerWithACreditLimit_MeasuresExposureAgainstIt()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1", creditLimit: 40_000m)
            .Invoice("A", "P1", null, 10_000m, balance: 12_000m)
            .Invoice("CN", "P1", null, -2_000m, kind: InvoiceKind.Other, balance: -2_000m);

        // Act
        var score = ScoreOf(ledger, "P1");

        // Assert
        Assert.Equal((10_000m, 40_000m), (score.Inputs.OpenAr, score.Inputs.CreditLimit));
        Assert.Equal(3.75m, score.Factor("F5").Points);
    }

    [Fact]
    public void CollectInputs_OpenDispute_FlagsThePayerAndIgnoresDisputesOpenedAfterTheAsOfDate()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1").Payer("P2")
            .Invoice("A", "P1", null, 1_000m)
            .Invoice("B", "P2", null, 1_000m);
        OpenDispute[] disputes = [new("P1", "A", AsOf.AddDays(-3)), new("P2", null, AsOf.AddDays(1))];

        // Act
        var p1 = ScoreOf(ledger, "P1", disputes: disputes);
        var p2 = ScoreOf(ledger, "P2", disputes: disputes);

        // Assert
        Assert.True(p1.Inputs.IsDisputed);
        Assert.Equal(["A"], p1.Inputs.DisputedInvoiceIds);
        Assert.Equal(2.5m, p1.Factor("F6").Points);
        Assert.False(p2.Inputs.IsDisputed);
        Assert.Equal(0m, p2.Factor("F6").Points);
    }

    [Fact]
    public void CollectInputs_StructuralFindings_RaiseFlagsForThePayerTheyAreRoutedTo()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1").Payer("P2").Project("PRJ", "P1", Province.QC);
        var evaluation = Evaluation(
            Finding("DepositGateUnpaid", "P1", SubjectKind.Project, "PRJ"),
            Finding("HoldbackReleaseDue", "P1", SubjectKind.RetainageHold, "PRJ/INV"),
            Finding("BrokenPromise", "P1", SubjectKind.Invoice, "INV"),
            Finding("LinkedGroupOverLimit", "P2", SubjectKind.LinkedGroup, "P2"),
            Finding("RetenueReleaseDue", null, SubjectKind.Project, "PRJ"));

        // Act
        var p1 = ScoreOf(ledger, "P1", evaluation);
        var p2 = ScoreOf(ledger, "P2", evaluation);

        // Assert
        Assert.Equal(
            [StructuralFlag.DepositGateBreached, StructuralFlag.RetainagePastRelease, StructuralFlag.RetainagePastRelease],
            p1.Inputs.Structural.Select(s => s.Flag));
        Assert.Equal(10m, p1.Factor("F7").Points);
        Assert.Equal("LinkedGroupOverLimit|LinkedGroup:P2", Assert.Single(p2.Inputs.Structural).Fingerprint);
        Assert.Equal(5m, p2.Factor("F7").Points);
    }

    [Fact]
    public void CollectInputs_InvoiceRoutedToTheNewHolder_CountsForTheHolderNotTheBillToPayer()
    {
        // Arrange: the builder's invoice is overdue, but the rule engine routes its follow-up to the developer.
        var ledger = new TestLedger().Payer("BUILDER").Payer("DEV")
            .Invoice("LEFT", "BUILDER", null, 10_000m, due: AsOf.AddDays(-40), balance: 11_497.50m);
        var evaluation = Evaluation(Finding("OverdueInvoice", "DEV", SubjectKind.Invoice, "LEFT", Severity.Medium, 11_497.50m));

        // Act
        var builder = InputsOf(ledger, "BUILDER", evaluation);
        var developer = InputsOf(ledger, "DEV", evaluation);

        // Assert
        Assert.Equal((0, 0m), (builder.OldestDaysBeyondTerms, builder.OpenAr));
        Assert.Equal((40, 11_497.50m), (developer.OldestDaysBeyondTerms, developer.OpenAr));
        Assert.Equal(["LEFT"], developer.ReroutedInvoiceIds);
    }

    [Fact]
    public void CollectInputs_EvaluationOfAnotherDay_Throws()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1");
        var evaluation = new RuleEvaluation(AsOf.AddDays(-1), [], []);

        // Act
        var act = () => RiskScorer.CollectInputs(ledger.Snapshot(), evaluation, AsOf, ScoringSettings.Default);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }

    private static TestLedger PromiseLedger(DateOnly promisedOn, decimal promised, params (string Id, DateOnly On, decimal Amount)[] payments)
    {
        var ledger = new TestLedger().Payer("P1")
            .Invoice("INV", "P1", null, 10_000m, issued: AsOf.AddDays(-300), due: AsOf.AddDays(-270), balance: 5_000m);
        ledger.Promises.Add(new PaymentPromise
        {
            PayerId = "P1", InvoiceId = "INV", PromisedOn = promisedOn, PromisedAmount = promised, RecordedOn = promisedOn.AddDays(-10),
        });
        foreach (var (id, on, amount) in payments)
        {
            ledger.Payment(id, "P1", amount, on, ("INV", amount));
        }
        return ledger;
    }
}
