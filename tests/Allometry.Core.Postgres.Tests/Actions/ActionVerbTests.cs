namespace Allometry.Core.Postgres.Tests.Actions;

using Allometry.Core.Actions;
using Allometry.Core.People;
using Allometry.Core.Postgres.Actions;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.Tests.Exceptions;
using Allometry.Testing;
using Dapper;

/// <summary>What each verb leaves behind: the exception's columns, the promise the score reads, the escalation target.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActionVerbTests(PostgresFixture postgres)
{
    private readonly ActionTestBed _bed = new(postgres);

    private sealed class ManagerDirectory(string? manager) : IDirectory
    {
        public Platform Platform => Platform.Slack;

        public Task<DirectoryUser?> FindUserAsync(PlatformIdentity identity, CancellationToken ct) => Task.FromResult<DirectoryUser?>(null);

        public Task<string?> FindManagerEmailAsync(PlatformIdentity identity, CancellationToken ct) => Task.FromResult(manager);
    }

    private async Task<T> ScalarAsync<T>(string sql, object parameters)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    [Fact]
    public async Task Snooze_SevenDays_StatusSnoozedUntilAWeekLaterWithReason()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];

        // Act
        var outcome = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Snooze, people[Role.Coordinator], pick,
            new ActionArguments { Days = 7, Reason = "Owner away" }), CancellationToken.None);

        // Assert
        Assert.Equal("Snoozed until 2026-11-28.", outcome.Message.En);
        Assert.Equal("Reporté jusqu’au 2026-11-28.", outcome.Message.Fr);
        Assert.Equal("snoozed|2026-11-28|Owner away", await ScalarAsync<string>(
            "SELECT status || '|' || snoozed_until::text || '|' || snooze_reason FROM exceptions WHERE tenant_id = @tenant AND exception_id = @id", new { tenant, id = pick.Id }));
    }

    [Fact]
    public async Task RecordPromise_InChat_TheLedgerSnapshotReadsIt()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];
        var before = (await new LedgerSnapshotStore(postgres.DataSource).LoadAsync(tenant, CancellationToken.None)).Promises.Count;

        // Act
        var outcome = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.RecordPromise, people[Role.ProjectManager], pick,
            new ActionArguments { Amount = 4_321.09m, Date = ActionTestBed.Today.AddDays(5) }), CancellationToken.None);

        // Assert: the PM does not manage this project, so use the coordinator when denied.
        if (outcome.Kind == ActionOutcomeKind.Denied)
        {
            outcome = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.RecordPromise, people[Role.Coordinator], pick,
                new ActionArguments { Amount = 4_321.09m, Date = ActionTestBed.Today.AddDays(5) }), CancellationToken.None);
        }
        Assert.Equal(ActionOutcomeKind.Applied, outcome.Kind);
        var snapshot = await new LedgerSnapshotStore(postgres.DataSource).LoadAsync(tenant, CancellationToken.None);
        Assert.Equal(before + 1, snapshot.Promises.Count);
        Assert.Contains(snapshot.Promises, p => p.PayerId == pick.PayerId && p.PromisedAmount == 4_321.09m && p.PromisedOn == ActionTestBed.Today.AddDays(5));
    }

    [Fact]
    public async Task Escalate_TwiceAlongTheChain_FinanceThenExecutiveThenTopOfChain()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];
        var marie = people[Role.Coordinator];

        // Act
        var first = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Escalate, marie, pick, new ActionArguments { Note = "No answer" }), CancellationToken.None);
        var second = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Escalate, marie, await _bed.CurrentAsync(tenant, pick.Id)), CancellationToken.None);
        var third = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Escalate, marie, await _bed.CurrentAsync(tenant, pick.Id)), CancellationToken.None);

        // Assert
        Assert.Equal("Escalated to jordan.smith@borealis.example.", first.Message.En);
        Assert.Equal("Escalated to claire.bouchard@borealis.example.", second.Message.En);
        Assert.Equal(ActionOutcomeKind.Invalid, third.Kind);
        Assert.Equal("claire.bouchard@borealis.example", await ScalarAsync<string>(
            "SELECT escalated_to FROM exceptions WHERE tenant_id = @tenant AND exception_id = @id", new { tenant, id = pick.Id }));
    }

    [Fact]
    public async Task Escalate_ToManager_DirectoryFirstThenTheTenantsMap()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var picks = await _bed.OpenAsync(tenant);
        await _bed.ExecuteAsync("UPDATE projects SET pm_email = 'priya.natarajan@borealis.example' WHERE tenant_id = @tenant", new { tenant });
        await _bed.Users.LinkDirectAsync(tenant, ActionTestBed.ActorOf(people[Role.ProjectManager]).Identity, people[Role.ProjectManager].UserId, CancellationToken.None);
        var withDirectory = new ActionService(postgres.DataSource, new FixedTimeProvider(ActionTestBed.Now), [new ManagerDirectory("Boss@Borealis.example")]);
        var withoutAnswer = new ActionService(postgres.DataSource, new FixedTimeProvider(ActionTestBed.Now), [new ManagerDirectory(null)]);
        var toManager = new ActionArguments { ToManager = true, Note = "Site stopped paying" };

        // Act
        var viaDirectory = await withDirectory.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Escalate, people[Role.Coordinator], picks[0], toManager), CancellationToken.None);
        var viaMap = await withoutAnswer.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Escalate, people[Role.Coordinator], picks[1], toManager), CancellationToken.None);

        // Assert
        Assert.Equal("Escalated to boss@borealis.example.", viaDirectory.Message.En);
        Assert.Equal("Escalated to marie.tremblay@borealis.example.", viaMap.Message.En);
    }

    [Fact]
    public async Task Reroute_ToAPayerOutsideTheGraph_InvalidAndUnchanged()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var linked = (await _bed.WithLinkedPayerAsync(tenant))[0];

        // Act
        var outside = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Reroute, people[Role.Coordinator], linked,
            new ActionArguments { PayerId = "NO-SUCH-PAYER" }), CancellationToken.None);
        var inside = await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Reroute, people[Role.Coordinator], linked,
            new ActionArguments { PayerId = linked.Linked }), CancellationToken.None);

        // Assert
        Assert.Equal(ActionOutcomeKind.Invalid, outside.Kind);
        Assert.Equal(ActionOutcomeKind.Applied, inside.Kind);
        Assert.Equal(linked.Linked, await ScalarAsync<string>(
            "SELECT rerouted_payer_id FROM exceptions WHERE tenant_id = @tenant AND exception_id = @id", new { tenant, id = linked.Id }));
    }
}
