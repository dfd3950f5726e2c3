namespace Allometry.Core.Tests.Scoring;

using Allometry.Core.Rules;
using Allometry.Core.Scoring;
using Allometry.Core.Tests.Rules;
using static Allometry.Core.Tests.Scoring.ScoringFixtures;

/// <summary>Queue order: score × ln(1 + overdue $), disputes in their own lane, deterministic ties.</summary>
public sealed class CollectionsQueueTests
{
    private static CollectionsQueue Build(TestLedger ledger, RuleEvaluation? evaluation = null, IReadOnlyCollection<OpenDispute>? disputes = null) =>
        CollectionsQueue.Build(ledger.Snapshot(), evaluation ?? Evaluation(), AsOf, ScoringSettings.Default, disputes);

    [Fact]
    public void Build_LargeOverdueAtLowerScore_OutranksSmallOverdueAtHigherScore()
    {
        // Arrange: SMALL scores 35 (F1 25 + F2 10) on $100; LARGE scores 13.58 (F1 2.08 + F2 10 + F5 1.5) on $1,000,000.
        var ledger = new TestLedger()
            .Payer("SMALL", creditLimit: 1_000_000m).Invoice("S", "SMALL", null, 100m, due: AsOf.AddDays(-130), balance: 100m)
            .Payer("LARGE", creditLimit: 10_000_000m).Invoice("L", "LARGE", null, 1_000_000m, due: AsOf.AddDays(-10), balance: 1_000_000m);

        // Act
        var queue = Build(ledger);

        // Assert
        Assert.Equal(["LARGE", "SMALL"], queue.Items.Select(i => i.PayerId));
        Assert.Equal([1, 2], queue.Items.Select(i => i.Rank));
        var (large, small) = (queue.Items[0], queue.Items[1]);
        Assert.Equal((13.58m, 35m), (large.Risk.Score, small.Risk.Score));
        Assert.Equal(13.58 * Math.Log(1_000_001), (double)large.Priority, 3);
        Assert.Equal(35 * Math.Log(101), (double)small.Priority, 3);
    }

    [Fact]
    public void Build_SameOverdueAmount_RanksTheHigherScoreFirst()
    {
        // Arrange
        var ledger = new TestLedger()
            .Payer("YOUNG", creditLimit: 100_000m).Invoice("Y", "YOUNG", null, 1_000m, due: AsOf.AddDays(-30), balance: 1_000m)
            .Payer("OLD", creditLimit: 100_000m).Invoice("O", "OLD", null, 1_000m, due: AsOf.AddDays(-60), balance: 1_000m);

        // Act
        var queue = Build(ledger);

        // Assert
        Assert.Equal(["OLD", "YOUNG"], queue.Items.Select(i => i.PayerId));
        Assert.True(queue.Items[0].Priority > queue.Items[1].Priority);
    }

    [Fact]
    public void Build_IdenticalPayers_BreaksTheTieByPayerId()
    {
        // Arrange: added in reverse order so insertion order cannot explain the result.
        var ledger = new TestLedger()
            .Payer("P-B", creditLimit: 50_000m).Invoice("B", "P-B", null, 1_000m, due: AsOf.AddDays(-45), balance: 1_000m)
            .Payer("P-A", creditLimit: 50_000m).Invoice("A", "P-A", null, 1_000m, due: AsOf.AddDays(-45), balance: 1_000m);

        // Act
        var queue = Build(ledger);

        // Assert
        Assert.Equal(queue.Items[0].Priority, queue.Items[1].Priority);
        Assert.Equal(["P-A", "P-B"], queue.Items.Select(i => i.PayerId));
    }

    [Fact]
    public void PriorityOf_ScoreAndAmount_IsScoreTimesLnOfOnePlusAmountToFourDecimals()
    {
        // Arrange
        const decimal score = 62.5m;
        const decimal amount = 84_210m;

        // Act
        var priority = CollectionsQueue.PriorityOf(score, amount);

        // Assert
        Assert.Equal(decimal.Round((decimal)(62.5 * Math.Log(84_211)), 4, MidpointRounding.AwayFromZero), priority);
        Assert.Equal(0m, CollectionsQueue.PriorityOf(score, 0m));
        Assert.Equal(0m, CollectionsQueue.PriorityOf(0m, amount));
    }

    [Fact]
    public void Build_DisputedInvoice_MovesToTheDisputesLaneWithItsException()
    {
        // Arrange
        var ledger = new TestLedger()
            .Payer("P1").Invoice("X", "P1", null, 2_000m, due: AsOf.AddDays(-50), balance: 2_000m)
            .Invoice("Y", "P1", null, 3_000m, due: AsOf.AddDays(-20), balance: 3_000m);
        var evaluation = Evaluation(
            Finding("OverdueInvoice", "P1", SubjectKind.Invoice, "X", Severity.Medium, 2_000m),
            Finding("OverdueInvoice", "P1", SubjectKind.Invoice, "Y", Severity.Low, 3_000m));

        // Act
        var queue = Build(ledger, evaluation, [new OpenDispute("P1", "X", AsOf.AddDays(-4))]);

        // Assert
        var collect = Assert.Single(queue.Items);
        Assert.Equal((QueueLane.Collect, 3_000m, "Y"), (collect.Lane, collect.Amount, Assert.Single(collect.InvoiceIds)));
        Assert.Equal("Y", Assert.Single(collect.Findings).Subject.Id);
        var dispute = Assert.Single(queue.Disputes);
        Assert.Equal((QueueLane.Disputes, 2_000m, "X"), (dispute.Lane, dispute.Amount, Assert.Single(dispute.InvoiceIds)));
        Assert.Equal("X", Assert.Single(dispute.Findings).Subject.Id);
        Assert.Equal(2.5m, dispute.Risk.Factor("F6").Points);
        Assert.Same(collect.Risk, dispute.Risk);
    }

    [Fact]
    public void Build_WholeAccountDisputed_ListsThePayerOnlyInTheDisputesLaneRankedByPriority()
    {
        // Arrange
        var ledger = new TestLedger()
            .Payer("SMALL").Invoice("S", "SMALL", null, 500m, due: AsOf.AddDays(5), balance: 500m)
            .Payer("BIG").Invoice("B1", "BIG", null, 9_000m, due: AsOf.AddDays(-40), balance: 9_000m)
            .Invoice("B2", "BIG", null, 1_000m, due: AsOf.AddDays(10), balance: 1_000m)
            .Payer("CALM").Invoice("C", "CALM", null, 700m, due: AsOf.AddDays(-3), balance: 700m);
        var evaluation = Evaluation(Finding("OverdueInvoice", "BIG", SubjectKind.Invoice, "B1", Severity.Medium, 9_000m));
        OpenDispute[] disputes = [new("SMALL", null, AsOf.AddDays(-1)), new("BIG", null, AsOf.AddDays(-9))];

        // Act
        var queue = Build(ledger, evaluation, disputes);

        // Assert
        Assert.Equal(["CALM"], queue.Items.Select(i => i.PayerId));
        Assert.Equal(["BIG", "SMALL"], queue.Disputes.Select(i => i.PayerId));
        Assert.Equal((10_000m, 1), (queue.Disputes[0].Amount, queue.Disputes[0].Rank));
        Assert.Equal(["B1", "B2"], queue.Disputes[0].InvoiceIds);
        Assert.Single(queue.Disputes[0].Findings);
    }

    [Fact]
    public void Build_PayerWithExceptionsButNothingOverdue_SortsBelowEveryPayerWithMoneyOverdue()
    {
        // Arrange: GATE scores 15 (no history 10 + deposit gate 5) with nothing overdue; LATE owes $10, 1 day late.
        var ledger = new TestLedger()
            .Payer("GATE", creditLimit: 100_000m).Invoice("G", "GATE", null, 5_000m, due: AsOf.AddDays(20), balance: 5_000m)
            .Payer("LATE", creditLimit: 100_000m).Invoice("L", "LATE", null, 10m, due: AsOf.AddDays(-1), balance: 10m);
        var evaluation = Evaluation(Finding("DepositGateUnpaid", "GATE", SubjectKind.Project, "PRJ", Severity.Critical, 5_000m));

        // Act
        var queue = Build(ledger, evaluation);

        // Assert
        Assert.Equal(["LATE", "GATE"], queue.Items.Select(i => i.PayerId));
        Assert.True(queue.Items[1].Risk.Score > queue.Items[0].Risk.Score);
        Assert.Equal((0m, 0m), (queue.Items[1].Amount, queue.Items[1].Priority));
    }

    [Fact]
    public void Build_NothingToActOn_LeavesCleanPayersInfoFindingsAndHoldbackOutOfTheQueue()
    {
        // Arrange
        var ledger = new TestLedger()
            .Payer("CLEAN").Invoice("C", "CLEAN", null, 1_000m, due: AsOf.AddDays(15))
            .Payer("INFO").Invoice("I", "INFO", null, 1_000m, due: AsOf.AddDays(15))
            .Payer("HOLD").Invoice("H", "HOLD", null, 10_000m, due: AsOf.AddDays(-200), balance: 1_000m, with: i => i with { RetainageHeld = 1_000m });
        var evaluation = Evaluation(
            Finding("RetainageAgedMisclassified", "INFO", SubjectKind.Invoice, "I", Severity.Info),
            Finding("TaxProvinceMismatch", null, SubjectKind.Project, "NOWHERE", Severity.High));

        // Act
        var queue = Build(ledger, evaluation);

        // Assert
        Assert.Empty(queue.Items);
        Assert.Empty(queue.Disputes);
        Assert.Equal("TaxProvinceMismatch", Assert.Single(queue.Unassigned).RuleId);
        Assert.Equal(3, queue.Scores.All.Count);
    }

    [Fact]
    public void Build_ItemFindings_CarryTheirPayersScoreAndSortBySeverityThenAmount()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1").Invoice("A", "P1", null, 1_000m, due: AsOf.AddDays(-10));
        var evaluation = Evaluation(
            Finding("OverdueInvoice", "P1", SubjectKind.Invoice, "A", Severity.Low, 1_149.75m),
            Finding("BrokenPromise", "P1", SubjectKind.Invoice, "A", Severity.Medium, 500m),
            Finding("UnappliedCash", "P1", SubjectKind.Payment, "PAY", Severity.Medium, 900m));

        // Act
        var queue = Build(ledger, evaluation);

        // Assert
        var item = Assert.Single(queue.Items);
        Assert.Equal(["UnappliedCash", "BrokenPromise", "OverdueInvoice"], item.Findings.Select(f => f.RuleId));
        Assert.Same(queue.Scores.For("P1"), item.Risk);
        Assert.All(item.Findings, f => Assert.Same(item.Risk, queue.Scores.For(f)));
    }

    [Fact]
    public void Build_EvaluationOfAnotherDay_Throws()
    {
        // Arrange
        var ledger = new TestLedger().Payer("P1");

        // Act
        var act = () => CollectionsQueue.Build(ledger.Snapshot(), new RuleEvaluation(AsOf.AddDays(1), [], []), AsOf, ScoringSettings.Default);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }
}
