namespace Allometry.Core.Postgres.Tests.Outbox;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Actions;
using Allometry.Core.Postgres.Outbox;
using Allometry.Core.Postgres.Tests.Actions;
using Allometry.Core.Postgres.Tests.Exceptions;
using Allometry.Testing;
using Dapper;

// The action's side of the outbox: a state change queues an in-place update of every posted copy,
// in the action's own transaction. Reads and writes stay within each test's tenant.
[Collection(PostgresCollection.Name)]
public sealed class ExceptionCardOutboxTests(PostgresFixture postgres)
{
    private readonly ActionTestBed _bed = new(postgres);

    private ActionService ServiceWithOutbox()
    {
        var time = new FixedTimeProvider(ActionTestBed.Now);
        var copies = new ExceptionCardOutbox(new OutboxStore(postgres.DataSource, time), postgres.DataSource);
        return new ActionService(postgres.DataSource, time, postedCopies: copies);
    }

    private async Task MapAsync(string tenant, long exceptionId, string conversation, string messageId, string language)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO message_map (tenant_id, exception_id, platform, realm, conversation_id, message_id, language, posted_at)
            VALUES (@tenant, @exceptionId, 'slack', 'T0BOREAL', @conversation, @messageId, @language, now())
            """, new { tenant, exceptionId, conversation, messageId, language });
    }

    private async Task<IReadOnlyList<(string Conversation, string MessageId, ExceptionCard Card)>> UpdatesAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string, string, string)>(
            "SELECT conversation_id, message_id, card::text FROM outbox WHERE tenant_id = @tenant AND kind = 'update' ORDER BY conversation_id",
            new { tenant });
        return [.. rows.Select(r => (r.Item1, r.Item2, (ExceptionCard)OutboxCardJson.Read(r.Item3)))];
    }

    [Fact]
    public async Task ExecuteAsync_SnoozeOfAPostedException_QueuesAnUpdateOfEveryCopyInItsLanguage()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];
        await MapAsync(tenant, pick.Id, "C0AR", "1732198440.000100", "en");
        await MapAsync(tenant, pick.Id, "C0FR", "1732198441.000200", "fr");

        // Act
        var outcome = await ServiceWithOutbox().ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Snooze, people[Role.Coordinator], pick,
            new ActionArguments { Days = 7, Reason = "Owner away" }), CancellationToken.None);

        // Assert
        Assert.Equal(ActionOutcomeKind.Applied, outcome.Kind);
        var updates = await UpdatesAsync(tenant);
        Assert.Equal(["C0AR", "C0FR"], updates.Select(u => u.Conversation));
        Assert.Equal(["1732198440.000100", "1732198441.000200"], updates.Select(u => u.MessageId));
        Assert.All(updates, u => Assert.Equal(outcome.Version, u.Card.Version));
        Assert.Equal([Language.En, Language.Fr], updates.Select(u => u.Card.Language));
        Assert.Contains("2026-11-28", updates[0].Card.StatusLine, StringComparison.Ordinal);
        Assert.Contains(updates[0].Card.Actions, a => a.Verb == ActionVerb.Escalate);
    }

    [Fact]
    public async Task ExecuteAsync_RefusedAction_QueuesNothing()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];
        await MapAsync(tenant, pick.Id, "C0AR", "1732198440.000100", "en");

        // Act: a viewer may not snooze
        var outcome = await ServiceWithOutbox().ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.Snooze, people[Role.Viewer], pick,
            new ActionArguments { Days = 7, Reason = "Owner away" }), CancellationToken.None);

        // Assert
        Assert.Equal(ActionOutcomeKind.Denied, outcome.Kind);
        Assert.Empty(await UpdatesAsync(tenant));
    }

    [Fact]
    public async Task ExecuteAsync_NeverPostedException_QueuesNothing()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];

        // Act
        var outcome = await ServiceWithOutbox().ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.AssignToMe, people[Role.Coordinator], pick),
            CancellationToken.None);

        // Assert
        Assert.Equal(ActionOutcomeKind.Applied, outcome.Kind);
        Assert.Empty(await UpdatesAsync(tenant));
    }
}
