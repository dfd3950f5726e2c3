namespace Allometry.Core.Postgres.Tests.Actions;

using Allometry.Core.Actions;
using Allometry.Core.People;
using Allometry.Testing;

/// <summary>Retainage releases: the open hold bounds them, a second finance approval above the threshold, the follow-up.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RetainageReleaseTests(PostgresFixture postgres)
{
    private readonly ActionTestBed _bed = new(postgres, PermissionSettings.Default with { SecondApprovalThreshold = 50m });

    [Fact]
    public async Task ApproveRelease_SameUserThenAnotherFinanceUser_OnlyTheOtherCanApprove()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var jordan = people[Role.Finance];
        var nathalie = (await _bed.Users.FindByEmailAsync(tenant, "nathalie.gagnon@borealis.example", CancellationToken.None))!;
        var pick = (await _bed.WithRetainageAsync(tenant))[0];
        var requested = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.ReleaseRetainage, jordan, pick,
            new ActionArguments { Amount = 75.50m, Date = ActionTestBed.Today }), CancellationToken.None);
        var current = await _bed.CurrentAsync(tenant, pick.Id);

        // Act
        var own = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.ApproveRelease, jordan, current), CancellationToken.None);
        var other = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.ApproveRelease, nathalie, current), CancellationToken.None);

        // Assert
        Assert.Equal(ActionOutcomeKind.PendingApproval, requested.Kind);
        Assert.Equal(ActionOutcomeKind.Denied, own.Kind);
        Assert.Contains("someone else", own.Message.En, StringComparison.Ordinal);
        Assert.Equal(ActionOutcomeKind.Applied, other.Kind);
        Assert.Equal(1, await _bed.CountAsync(
            "SELECT count(*) FROM retainage_releases WHERE tenant_id = @tenant AND status = 'applied' AND amount = 75.50 AND approved_by = @by",
            new { tenant, by = nathalie.UserId }));
        Assert.Equal(2, await _bed.AuditCountAsync(tenant, pick.Id));
    }

    [Fact]
    public async Task ReleaseRetainage_AboveTheOpenHold_InvalidAndNothingRecorded()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.WithRetainageAsync(tenant))[0];

        // Act
        var outcome = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.ReleaseRetainage, people[Role.Finance], pick,
            new ActionArguments { Amount = 99_999_999.99m }), CancellationToken.None);

        // Assert
        Assert.Equal(ActionOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(0, await _bed.CountAsync("SELECT count(*) FROM retainage_releases WHERE tenant_id = @tenant", new { tenant }));
    }

    [Fact]
    public async Task ReleaseRetainage_FullHoldWithoutReleaseInvoice_DismissesAndOpensAFollowUp()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.WithRetainageAsync(tenant))[0];
        await _bed.ExecuteAsync("UPDATE retainage_holds SET release_invoice_id = NULL WHERE tenant_id = @tenant AND project_id = @project", new { tenant, project = pick.ProjectId });
        var unlimited = new ActionTestBed(postgres, PermissionSettings.Default with { SecondApprovalThreshold = 1_000_000_000m });

        // Act: no amount means the whole open hold.
        var outcome = await unlimited.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.ReleaseRetainage, people[Role.Executive], pick), CancellationToken.None);

        // Assert
        Assert.Equal(ActionOutcomeKind.Applied, outcome.Kind);
        Assert.Equal("dismissed", (await _bed.CurrentAsync(tenant, pick.Id)).Linked);
        Assert.Equal(1, await _bed.CountAsync(
            "SELECT count(*) FROM exceptions WHERE tenant_id = @tenant AND rule_id = 'RetainageReleaseInvoice' AND project_id = @project AND status = 'open'",
            new { tenant, project = pick.ProjectId }));
        Assert.Contains("follow-up", outcome.Message.En, StringComparison.Ordinal);
    }
}
