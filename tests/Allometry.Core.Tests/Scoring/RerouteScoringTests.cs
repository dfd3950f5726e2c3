namespace Allometry.Core.Tests.Scoring;

using Allometry.Core.Entities;
using Allometry.Core.Ledger;
using Allometry.Core.Rules;
using Allometry.Core.Scoring;
using Allometry.Core.Tests.Rules;
using static Allometry.Core.Tests.Scoring.ScoringFixtures;

/// <summary>A person's re-route moves the exception and its invoice's money to the new payer: queue item, amount and exposure factor.</summary>
public sealed class RerouteScoringTests
{
    private const decimal Owed = 40_000m;

    // OLD (the bill-to) owes 40,000 on F1, 60 days overdue; NEW (its successor-to-be) owes 5,000, due later.
    private static TestLedger Ledger() => new TestLedger()
        .Payer("OLD", creditLimit: 50_000m).Invoice("F1", "OLD", null, Owed, due: AsOf.AddDays(-60), balance: Owed)
        .Payer("NEW", creditLimit: 50_000m).Invoice("G1", "NEW", null, 5_000m, due: AsOf.AddDays(10), balance: 5_000m)
        .Link("OLD", "NEW", EntityLinkKind.Affiliate);

    private static Finding Overdue() => Finding("OverdueInvoice", "OLD", SubjectKind.Invoice, "F1", amount: Owed);

    private static Reroutes ToNew() => new([new Reroute(Overdue().Fingerprint, "NEW", ["F1"])]);

    [Fact]
    public void Build_ReroutedOverdueInvoice_QueuesTheExceptionAndTheMoneyOnTheNewPayer()
    {
        // Arrange
        var ledger = Ledger();

        // Act
        var before = CollectionsQueue.Build(ledger.Snapshot(), Evaluation(Overdue()), AsOf, ScoringSettings.Default);
        var after = CollectionsQueue.Build(ledger.Snapshot(), Evaluation(Overdue()), AsOf, ScoringSettings.Default, reroutes: ToNew());

        // Assert
        var old = Assert.Single(before.Items);
        Assert.Equal(("OLD", Owed, 1), (old.PayerId, old.Amount, old.Findings.Count));
        var moved = Assert.Single(after.Items);
        Assert.Equal(("NEW", Owed, "NEW"), (moved.PayerId, moved.Amount, Assert.Single(moved.Findings).PayerId));
        Assert.Equal(["F1"], moved.InvoiceIds);
        Assert.DoesNotContain(after.Items, i => i.PayerId == "OLD");
    }

    [Fact]
    public void Build_ReroutedOverdueInvoice_ExposureFactorCountsTheAmountOnTheNewPayer()
    {
        // Arrange
        var ledger = Ledger();

        // Act
        var before = CollectionsQueue.Build(ledger.Snapshot(), Evaluation(Overdue()), AsOf, ScoringSettings.Default).Scores;
        var after = CollectionsQueue.Build(ledger.Snapshot(), Evaluation(Overdue()), AsOf, ScoringSettings.Default, reroutes: ToNew()).Scores;

        // Assert: F5 = 15 · open AR / 50,000
        Assert.Equal((Owed, 5_000m), (before.For("OLD")!.Inputs.OpenAr, before.For("NEW")!.Inputs.OpenAr));
        Assert.Equal((0m, Owed + 5_000m), (after.For("OLD")!.Inputs.OpenAr, after.For("NEW")!.Inputs.OpenAr));
        Assert.Equal((12m, 1.5m), (before.For("OLD")!.Factor("F5").Points, before.For("NEW")!.Factor("F5").Points));
        Assert.Equal((0m, 13.5m), (after.For("OLD")!.Factor("F5").Points, after.For("NEW")!.Factor("F5").Points));
        Assert.Equal(["F1"], after.For("NEW")!.Inputs.ReroutedInvoiceIds);
    }

    [Fact]
    public void Score_ReroutedStructuralFinding_FlagsTheNewPayer()
    {
        // Arrange
        var gate = Finding("DepositGateUnpaid", "OLD", SubjectKind.Project, "PRJ");
        var reroutes = new Reroutes([new Reroute(gate.Fingerprint, "NEW", [])]);

        // Act
        var scores = RiskScorer.Score(Ledger().Snapshot(), Evaluation(gate), AsOf, ScoringSettings.Default, reroutes: reroutes);

        // Assert
        Assert.Equal(0m, scores.For("OLD")!.Factor("F7").Points);
        Assert.Equal(5m, scores.For("NEW")!.Factor("F7").Points);
    }
}
