namespace Allometry.Core.Postgres.Tests.Actions;

using Allometry.Core.Actions;
using Allometry.Core.People;
using Allometry.Testing;

/// <summary>Idempotent deliveries, conflicting actions and stale cards, on real concurrent connections.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActionConcurrencyTests(PostgresFixture postgres)
{
    private readonly ActionTestBed _bed = new(postgres);

    [Fact]
    public async Task ExecuteAsync_FiftyConcurrentDuplicateDeliveries_OneStateChangeAndOneAuditRow()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];
        var request = ActionTestBed.Request(tenant, ActionVerb.Snooze, people[Role.Coordinator], pick,
            new ActionArguments { Days = 7, Reason = "Owner on vacation" }, key: "slack:C0AR:1732198440.000100:snooze");

        // Act
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => _bed.Service.ExecuteAsync(request, CancellationToken.None))));

        // Assert
        Assert.Equal(1, outcomes.Count(o => o.Kind == ActionOutcomeKind.Applied));
        Assert.Equal(49, outcomes.Count(o => o.Kind == ActionOutcomeKind.AlreadyApplied));
        Assert.All(outcomes, o => Assert.Equal(pick.Version + 1, o.Version));
        Assert.Equal(pick.Version + 1, (await _bed.CurrentAsync(tenant, pick.Id)).Version);
        Assert.Equal(1, await _bed.AuditCountAsync(tenant, pick.Id));
        Assert.Equal(1, await _bed.CountAsync(
            "SELECT count(*) FROM exception_history WHERE tenant_id = @tenant AND exception_id = @id AND kind = 'snoozed'", new { tenant, id = pick.Id }));
    }

    [Fact]
    public async Task ExecuteAsync_TwoConflictingActionsOnOneVersion_ExactlyOneWinsTheOtherIsStale()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];
        var snooze = ActionTestBed.Request(tenant, ActionVerb.Snooze, people[Role.Coordinator], pick, new ActionArguments { Days = 3 });
        var dismiss = ActionTestBed.Request(tenant, ActionVerb.Dismiss, people[Role.Finance], pick, new ActionArguments { Reason = "Duplicate of a credit note" });

        // Act
        var outcomes = await Task.WhenAll(
            Task.Run(() => _bed.Service.ExecuteAsync(snooze, CancellationToken.None)),
            Task.Run(() => _bed.Service.ExecuteAsync(dismiss, CancellationToken.None)));

        // Assert
        Assert.Equal(1, outcomes.Count(o => o.Kind == ActionOutcomeKind.Applied));
        Assert.Equal(1, outcomes.Count(o => o.Kind == ActionOutcomeKind.Stale));
        var after = await _bed.CurrentAsync(tenant, pick.Id);
        Assert.Equal(pick.Version + 1, after.Version);
        Assert.Equal(1, await _bed.AuditCountAsync(tenant, pick.Id));
    }

    [Fact]
    public async Task ExecuteAsync_StaleCard_SaysWhoChangedItAndWhenInBothLanguages()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];
        var marie = people[Role.Coordinator];
        await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Snooze, marie, pick, new ActionArguments { Days = 1 }), CancellationToken.None);

        // Act: Jordan's card still shows the old version.
        var outcome = await _bed.Service.ExecuteAsync(
            ActionTestBed.Request(tenant, ActionVerb.AssignToMe, people[Role.Finance], pick), CancellationToken.None);

        // Assert: 14:14 UTC is 09:14 in Toronto.
        Assert.Equal(ActionOutcomeKind.Stale, outcome.Kind);
        Assert.Equal("Marie Tremblay", outcome.ChangedBy);
        Assert.Equal(pick.Version + 1, outcome.Version);
        Assert.StartsWith("Already snoozed by Marie Tremblay at 09:14.", outcome.Message.En, StringComparison.Ordinal);
        Assert.StartsWith("Déjà reporté par Marie Tremblay à 09 h 14.", outcome.Message.Fr, StringComparison.Ordinal);
        Assert.Equal(1, await _bed.AuditCountAsync(tenant, pick.Id));
    }

    [Fact]
    public async Task ExecuteAsync_UserOfTenantAOnTenantBsException_NotFoundAndNothingChanges()
    {
        // Arrange
        var (tenantA, _) = await _bed.NewTenantAsync();
        var (tenantB, _) = await _bed.NewTenantAsync(seed: 3);
        var pickB = (await _bed.OpenAsync(tenantB))[0];
        var finance = await _bed.Users.AddAsync(tenantA, "solo.finance@tenant-a.example", "Solo Finance", Role.Finance, Localization.Language.En, CancellationToken.None);

        // Act: the request is A's (the user's tenant); the id is B's.
        var outcome = await _bed.Service.ExecuteAsync(
            ActionTestBed.Request(tenantA, ActionVerb.Dismiss, finance, pickB, new ActionArguments { Reason = "not ours" }), CancellationToken.None);
        var crossed = await _bed.Service.ExecuteAsync(
            ActionTestBed.Request(tenantB, ActionVerb.Dismiss, finance, pickB, new ActionArguments { Reason = "not ours" }), CancellationToken.None);

        // Assert
        Assert.Equal(ActionOutcomeKind.NotFound, outcome.Kind);
        Assert.Equal(ActionOutcomeKind.Denied, crossed.Kind);
        var after = await _bed.CurrentAsync(tenantB, pickB.Id);
        Assert.Equal((pickB.Version, "open"), (after.Version, after.Linked));
        Assert.Equal(0, await _bed.AuditCountAsync(tenantB));
        Assert.Null(await _bed.Users.FindByEmailAsync(tenantB, finance.Email, CancellationToken.None));
        Assert.Equal(0, await _bed.AuditCountAsync(tenantA));
    }
}
