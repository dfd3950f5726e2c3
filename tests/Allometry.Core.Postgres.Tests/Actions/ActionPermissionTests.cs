namespace Allometry.Core.Postgres.Tests.Actions;

using Allometry.Core.Actions;
using Allometry.Core.People;
using Allometry.Testing;

/// <summary>The permission matrix through the service: every role × every verb on an exception.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActionPermissionTests(PostgresFixture postgres)
{
    private static readonly ActionVerb[] ExceptionVerbs =
    [
        ActionVerb.Snooze, ActionVerb.Escalate, ActionVerb.Reroute, ActionVerb.AssignToMe, ActionVerb.AddNote,
        ActionVerb.RecordPromise, ActionVerb.Dismiss, ActionVerb.ReleaseRetainage, ActionVerb.ApproveRelease,
    ];

    // Written out rather than read from PermissionMatrix, so a change to the matrix fails here.
    private static readonly Dictionary<Role, ActionVerb[]> Expected = new()
    {
        [Role.Viewer] = [],
        [Role.ProjectManager] = [ActionVerb.AddNote, ActionVerb.RecordPromise],
        [Role.Coordinator] = ExceptionVerbs[..7],
        [Role.Finance] = ExceptionVerbs,
        [Role.Executive] = ExceptionVerbs,
    };

    private readonly ActionTestBed _bed = new(postgres, PermissionSettings.Default with { SecondApprovalThreshold = 50m });

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.ProjectManager)]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Finance)]
    [InlineData(Role.Executive)]
    public async Task ExecuteAsync_EveryExceptionVerb_AppliesWhenAllowedAndOtherwiseDeniesWithoutATrace(Role role)
    {
        // Arrange: the PM manages every project of this tenant, so only the role decides.
        var (tenant, people) = await _bed.NewTenantAsync();
        var actor = people[role];
        await _bed.ExecuteAsync("UPDATE projects SET pm_email = @pm WHERE tenant_id = @tenant", new { tenant, pm = people[Role.ProjectManager].Email });
        var retainage = await _bed.WithRetainageAsync(tenant);
        var linked = (await _bed.WithLinkedPayerAsync(tenant)).First();
        var approve = retainage[1];
        var pending = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.ReleaseRetainage,
            (await _bed.Users.FindByEmailAsync(tenant, "nathalie.gagnon@borealis.example", CancellationToken.None))!, approve, new ActionArguments { Amount = 60m }), CancellationToken.None);
        Assert.Equal(ActionOutcomeKind.PendingApproval, pending.Kind);
        var used = new HashSet<long> { retainage[0].Id, approve.Id, linked.Id };
        var others = (await _bed.OpenAsync(tenant)).Where(e => !used.Contains(e.Id)).ToList();
        var targets = new Dictionary<ActionVerb, (ExceptionPick Pick, ActionArguments Args)>
        {
            [ActionVerb.Snooze] = (others[0], new ActionArguments { Days = 3, Reason = "Cheque in the mail" }),
            [ActionVerb.Escalate] = (others[1], new ActionArguments { Note = "Call the owner" }),
            [ActionVerb.Reroute] = (linked, new ActionArguments { PayerId = linked.Linked }),
            [ActionVerb.AssignToMe] = (others[2], ActionArguments.None),
            [ActionVerb.AddNote] = (others[3], new ActionArguments { Note = "Left a voicemail" }),
            [ActionVerb.RecordPromise] = (others[4], new ActionArguments { Amount = 1_234.56m, Date = ActionTestBed.Today.AddDays(7) }),
            [ActionVerb.Dismiss] = (others[5], new ActionArguments { Reason = "Paid by wire, not yet imported" }),
            [ActionVerb.ReleaseRetainage] = (retainage[0], new ActionArguments { Amount = 10.00m }),
            [ActionVerb.ApproveRelease] = (await _bed.CurrentAsync(tenant, approve.Id), ActionArguments.None),
        };

        foreach (var verb in ExceptionVerbs)
        {
            var (pick, args) = targets[verb];
            var auditBefore = await _bed.AuditCountAsync(tenant, pick.Id);

            // Act
            var outcome = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, verb, actor, pick, args), CancellationToken.None);

            // Assert
            var after = await _bed.CurrentAsync(tenant, pick.Id);
            var auditAfter = await _bed.AuditCountAsync(tenant, pick.Id);
            if (Expected[role].Contains(verb))
            {
                Assert.True(outcome.Kind is ActionOutcomeKind.Applied or ActionOutcomeKind.PendingApproval, $"{role} {verb}: {outcome.Kind} {outcome.Message.En}");
                Assert.Equal(auditBefore + 1, auditAfter);
            }
            else
            {
                Assert.True(outcome.Kind == ActionOutcomeKind.Denied, $"{role} {verb}: {outcome.Kind} {outcome.Message.En}");
                Assert.NotEqual(outcome.Message.En, outcome.Message.Fr);
                Assert.Equal(pick.Version, after.Version);
                Assert.Equal(auditBefore, auditAfter);
            }
        }
    }

    [Fact]
    public async Task ExecuteAsync_ProjectManagerOnSomeoneElsesProject_Denied()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pm = people[Role.ProjectManager];
        await _bed.ExecuteAsync("UPDATE projects SET pm_email = 'someone.else@borealis.example' WHERE tenant_id = @tenant", new { tenant });
        var pick = (await _bed.OpenAsync(tenant))[0];

        // Act
        var outcome = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.AddNote, pm, pick, new ActionArguments { Note = "mine?" }), CancellationToken.None);

        // Assert
        Assert.Equal(ActionOutcomeKind.Denied, outcome.Kind);
        Assert.Contains("own projects", outcome.Message.En, StringComparison.Ordinal);
        Assert.Contains("vos propres projets", outcome.Message.Fr, StringComparison.Ordinal);
        Assert.Equal(0, await _bed.CountAsync("SELECT count(*) FROM exception_notes WHERE tenant_id = @tenant", new { tenant }));
    }
}
