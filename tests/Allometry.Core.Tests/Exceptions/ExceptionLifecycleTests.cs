namespace Allometry.Core.Tests.Exceptions;

using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.Rules;
using static LifecycleFixtures;

public sealed class ExceptionLifecycleTests
{
    [Fact]
    public void Plan_NewFinding_OpensIt()
    {
        var finding = Finding();

        var plan = ExceptionLifecycle.Plan([], [finding], Context());

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ExceptionChangeKind.Opened, ExceptionStatus.Open), (change.Kind, change.Status));
        Assert.Null(change.Before);
        Assert.Same(finding, change.Finding);
        Assert.Equal(FindingContent.Hash(finding), change.ContentHash);
    }

    [Fact]
    public void Plan_ManyFindingsHashedOnEveryCore_EachChangeCarriesItsOwnFindingsHashInOrder()
    {
        // Arrange: enough findings for the hashes to be computed in parallel, every tenth stored unchanged.
        var findings = Enumerable.Range(0, 1000).Select(i => Finding($"PR-{i:D4}", amount: 1000m + i)).ToList();
        var stored = findings.Where((_, i) => i % 10 == 0).Select((f, i) => Stored(f, id: i + 1)).ToList();

        // Act
        var plan = ExceptionLifecycle.Plan(stored, findings, Context());

        // Assert
        var opened = findings.Where((_, i) => i % 10 != 0).ToList();
        Assert.Equal(opened.Select(f => f.Subject.Id), plan.Changes.Select(c => c.Finding!.Subject.Id));
        Assert.All(plan.Changes, c => Assert.Equal(FindingContent.Hash(c.Finding!), c.ContentHash));
        Assert.Equal(100, plan.Unchanged);
    }

    [Fact]
    public void Plan_SameFindingAgain_ChangesNothing()
    {
        var finding = Finding();

        var plan = ExceptionLifecycle.Plan([Stored(finding)], [Finding()], Context());

        Assert.True(plan.IsEmpty);
        Assert.Equal(1, plan.Unchanged);
        Assert.Empty(plan.Seen);
    }

    [Fact]
    public void Plan_SameFindingOnALaterAsOf_OnlyMarksItSeen()
    {
        var stored = Stored(Finding(), id: 42, lastSeen: AsOf.AddDays(-1));

        var plan = ExceptionLifecycle.Plan([stored], [Finding()], Context());

        Assert.True(plan.IsEmpty);
        Assert.Equal([42L], plan.Seen);
    }

    [Theory]
    [InlineData(1000.01, Severity.High, "deposit unpaid")]
    [InlineData(1000.00, Severity.Critical, "deposit unpaid")]
    [InlineData(1000.00, Severity.High, "deposit still unpaid")]
    public void Plan_OpenExceptionWhoseContentChanged_UpdatesItAndStaysOpen(decimal amount, Severity severity, string detail)
    {
        var stored = Stored(Finding());

        var plan = ExceptionLifecycle.Plan([stored], [Finding(amount: amount, severity: severity, detail: detail)], Context());

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ExceptionChangeKind.Updated, ExceptionStatus.Open), (change.Kind, change.Status));
        Assert.Same(stored, change.Before);
        Assert.Equal(amount, change.Finding!.AmountAtRisk);
        Assert.False(change.ClearsSnooze);
    }

    [Fact]
    public void Plan_AmountWithAnotherScale_IsNotAChange()
    {
        var stored = Stored(Finding(amount: 1000m));

        var plan = ExceptionLifecycle.Plan([stored], [Finding(amount: 1000.00m)], Context());

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_OpenExceptionWithoutFinding_ClosesWithTheGenericReasonInBothLanguages()
    {
        var stored = Stored(Finding());

        var plan = ExceptionLifecycle.Plan([stored], [], Context());

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ExceptionChangeKind.Closed, ExceptionStatus.Closed), (change.Kind, change.Status));
        Assert.Null(change.Finding);
        Assert.Equal(new LocalizedText("condition cleared as of 2026-11-20", "condition levée au 2026-11-20"), change.ClosureReason);
    }

    [Fact]
    public void Plan_RuleExplainsTheClosure_UsesTheRulesReason()
    {
        var stored = Stored(Finding());
        var reason = new LocalizedText("deposit received 2026-11-20", "dépôt reçu le 2026-11-20");

        var plan = ExceptionLifecycle.Plan([stored], [], Context(explain: s => s.Subject.Id == "PR-1" ? reason : null));

        Assert.Equal(reason, Assert.Single(plan.Changes).ClosureReason);
    }

    [Fact]
    public void Plan_RuleHasNoReasonForTheSubject_FallsBackToTheGenericReason()
    {
        var plan = ExceptionLifecycle.Plan([Stored(Finding())], [], Context(explain: _ => null));

        Assert.Equal(ClosureReasons.Cleared(AsOf), Assert.Single(plan.Changes).ClosureReason);
    }

    [Fact]
    public void Plan_RuleSwitchedOff_ClosesSayingSo()
    {
        var plan = ExceptionLifecycle.Plan([Stored(Finding())], [], Context(run: [], disabled: [Rule]));

        var change = Assert.Single(plan.Changes);
        Assert.Equal(ExceptionChangeKind.Closed, change.Kind);
        Assert.Equal($"rule {Rule} switched off for this tenant", change.ClosureReason!.En);
        Assert.Equal($"règle {Rule} désactivée pour ce client", change.ClosureReason.Fr);
    }

    [Fact]
    public void Plan_RuleDidNotRunForLackOfData_LeavesItsExceptionsAlone()
    {
        var plan = ExceptionLifecycle.Plan([Stored(Finding())], [], Context(run: ["OtherRule"]));

        Assert.True(plan.IsEmpty);
        Assert.Equal(0, plan.Unchanged);
    }

    [Fact]
    public void Plan_ClosedExceptionFoundAgain_ReopensForgettingDismissalAndSnooze()
    {
        var stored = Stored(Finding(), ExceptionStatus.Closed);

        var plan = ExceptionLifecycle.Plan([stored], [Finding()], Context());

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ExceptionChangeKind.Reopened, ExceptionStatus.Open), (change.Kind, change.Status));
        Assert.True(change.ClearsSnooze);
        Assert.True(change.ClearsDismissal);
        Assert.NotNull(change.Finding);
    }

    [Fact]
    public void Plan_ClosedExceptionStillAbsent_ChangesNothing()
    {
        var plan = ExceptionLifecycle.Plan([Stored(Finding(), ExceptionStatus.Closed)], [], Context());

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_DismissedExceptionStillFound_StaysDismissedEvenWhenWorse()
    {
        var stored = Stored(Finding(), ExceptionStatus.Dismissed);

        var same = ExceptionLifecycle.Plan([stored], [Finding()], Context());
        var worse = ExceptionLifecycle.Plan([stored], [Finding(amount: 5000m, severity: Severity.Critical)], Context());

        Assert.True(same.IsEmpty);
        var change = Assert.Single(worse.Changes);
        Assert.Equal((ExceptionChangeKind.Updated, ExceptionStatus.Dismissed), (change.Kind, change.Status));
        Assert.False(change.ClearsDismissal);
    }

    [Fact]
    public void Plan_DismissedExceptionCleared_Closes()
    {
        var plan = ExceptionLifecycle.Plan([Stored(Finding(), ExceptionStatus.Dismissed)], [], Context());

        Assert.Equal(ExceptionChangeKind.Closed, Assert.Single(plan.Changes).Kind);
    }

    [Theory]
    [InlineData(1099.99)]
    [InlineData(500.00)]
    public void Plan_SnoozedExceptionSlightlyChanged_UpdatesAndStaysSnoozed(decimal amount)
    {
        var stored = Stored(Finding(amount: 1000m), ExceptionStatus.Snoozed, snoozedUntil: Today.AddDays(7));

        var plan = ExceptionLifecycle.Plan([stored], [Finding(amount: amount)], Context());

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ExceptionChangeKind.Updated, ExceptionStatus.Snoozed), (change.Kind, change.Status));
        Assert.False(change.ClearsSnooze);
    }

    [Theory]
    [InlineData(1100.00, Severity.High)]
    [InlineData(2500.00, Severity.High)]
    [InlineData(1000.00, Severity.Critical)]
    public void Plan_SnoozedExceptionMateriallyWorse_Resurfaces(decimal amount, Severity severity)
    {
        var stored = Stored(Finding(amount: 1000m), ExceptionStatus.Snoozed, snoozedUntil: Today.AddDays(7));

        var plan = ExceptionLifecycle.Plan([stored], [Finding(amount: amount, severity: severity)], Context());

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ExceptionChangeKind.Resurfaced, ExceptionStatus.Open), (change.Kind, change.Status));
        Assert.True(change.ClearsSnooze);
        Assert.StartsWith("worsened: ", change.SnoozeEndReason?.En, StringComparison.Ordinal);
        Assert.StartsWith("aggravée : ", change.SnoozeEndReason?.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SnoozedExceptionWhoseConditionIsMet_EndsTheSnoozeWithTheReason()
    {
        var stored = Stored(Finding(), ExceptionStatus.Snoozed, snoozedUntil: Today.AddDays(10));
        var reason = new LocalizedText("payment received 2026-11-19", "paiement reçu le 2026-11-19");
        var context = Context() with { SnoozeConditionMet = s => s.ExceptionId == stored.ExceptionId ? reason : null };

        var plan = ExceptionLifecycle.Plan([stored], [Finding()], context);

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ExceptionChangeKind.SnoozeEnded, ExceptionStatus.Open), (change.Kind, change.Status));
        Assert.True(change.ClearsSnooze);
        Assert.Equal(reason, change.SnoozeEndReason);
    }

    [Fact]
    public void Plan_SnoozedExceptionWhoseConditionIsNotMet_StaysSnoozed()
    {
        var stored = Stored(Finding(), ExceptionStatus.Snoozed, snoozedUntil: Today.AddDays(10));
        var context = Context() with { SnoozeConditionMet = _ => null };

        var plan = ExceptionLifecycle.Plan([stored], [Finding()], context);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_SnoozeDateReached_SaysSo()
    {
        var stored = Stored(Finding(), ExceptionStatus.Snoozed, snoozedUntil: Today);

        var plan = ExceptionLifecycle.Plan([stored], [Finding()], Context());

        var change = Assert.Single(plan.Changes);
        Assert.Equal(ExceptionChangeKind.SnoozeEnded, change.Kind);
        Assert.Equal("snooze date 2026-11-21 reached", change.SnoozeEndReason?.En);
    }

    [Fact]
    public void Plan_SnoozedExceptionFromZeroToAnyAmount_Resurfaces()
    {
        var stored = Stored(Finding(amount: 0m), ExceptionStatus.Snoozed);

        var plan = ExceptionLifecycle.Plan([stored], [Finding(amount: 0.01m)], Context());

        Assert.Equal(ExceptionChangeKind.Resurfaced, Assert.Single(plan.Changes).Kind);
    }

    [Fact]
    public void Plan_SnoozedExceptionUnchanged_StaysSnoozedWithNoChange()
    {
        var stored = Stored(Finding(), ExceptionStatus.Snoozed, snoozedUntil: Today.AddDays(1));

        var plan = ExceptionLifecycle.Plan([stored], [Finding()], Context());

        Assert.True(plan.IsEmpty);
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public void Plan_SnoozeDateReached_OpensAgain()
    {
        var stored = Stored(Finding(), ExceptionStatus.Snoozed, snoozedUntil: Today);

        var plan = ExceptionLifecycle.Plan([stored], [Finding()], Context());

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ExceptionChangeKind.SnoozeEnded, ExceptionStatus.Open), (change.Kind, change.Status));
        Assert.True(change.ClearsSnooze);
    }

    [Fact]
    public void Plan_SnoozedExceptionCleared_ClosesAndEndsTheSnooze()
    {
        var stored = Stored(Finding(), ExceptionStatus.Snoozed, snoozedUntil: Today.AddDays(30));

        var plan = ExceptionLifecycle.Plan([stored], [], Context());

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ExceptionChangeKind.Closed, ExceptionStatus.Closed), (change.Kind, change.Status));
        Assert.True(change.ClearsSnooze);
    }

    [Fact]
    public void Plan_RepeatedFingerprint_KeepsTheFirstAndCountsTheRest()
    {
        var plan = ExceptionLifecycle.Plan([], [Finding(amount: 2000m), Finding(amount: 1000m)], Context());

        Assert.Equal(2000m, Assert.Single(plan.Changes).Finding!.AmountAtRisk);
        Assert.Equal(1, plan.DuplicateFindings);
    }

    [Fact]
    public void Plan_MixedScope_CountsEachKind()
    {
        var kept = Finding("PR-1");
        var gone = Finding("PR-2");
        var back = Finding("PR-3");
        var existing = new[] { Stored(kept, id: 1), Stored(gone, id: 2), Stored(back, ExceptionStatus.Closed, id: 3) };

        var plan = ExceptionLifecycle.Plan(existing, [kept, back, Finding("PR-4")], Context());

        Assert.Equal(1, plan.Count(ExceptionChangeKind.Opened));
        Assert.Equal(1, plan.Count(ExceptionChangeKind.Reopened));
        Assert.Equal(1, plan.Count(ExceptionChangeKind.Closed));
        Assert.Equal(1, plan.Unchanged);
        Assert.Equal(["Project:PR-3", "Project:PR-4", "Project:PR-2"], plan.Changes.Select(c => c.Fingerprint[(Rule.Length + 1)..]));
    }
}
