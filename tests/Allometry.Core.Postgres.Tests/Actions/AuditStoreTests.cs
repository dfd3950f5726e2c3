namespace Allometry.Core.Postgres.Tests.Actions;

using Allometry.Core.Actions;
using Allometry.Core.People;
using Allometry.Core.Postgres.Actions;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class AuditStoreTests(PostgresFixture postgres)
{
    private readonly ActionTestBed _bed = new(postgres);

    [Fact]
    public async Task WriteCsvAsync_NoteWithCommaAndQuotes_OneQuotedRowInRange()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];
        await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.AddNote, people[Role.Coordinator], pick,
            new ActionArguments { Note = "Called \"Jean\", left a message" }), CancellationToken.None);

        // Act
        var inRange = await _bed.Audit.ListAsync(tenant, ActionTestBed.Today, ActionTestBed.Today, CancellationToken.None);
        var before = await _bed.Audit.ListAsync(tenant, ActionTestBed.Today.AddDays(-10), ActionTestBed.Today.AddDays(-1), CancellationToken.None);
        var writer = new StringWriter();
        await AuditStore.WriteCsvAsync(inRange, writer, CancellationToken.None);

        // Assert
        Assert.Empty(before);
        var entry = Assert.Single(inRange);
        Assert.Equal(("slack", "T0BOREAL", "C0AR", "1732198440.000100"), (entry.Platform, entry.Realm, entry.ConversationId, entry.MessageId));
        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("2026-11-21T14:14:00Z", lines[1], StringComparison.Ordinal);
        Assert.Contains("\\\"\"Jean\\\"\", left a message", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionAudit_Update_RefusedAppendOnly()
    {
        // Arrange
        var (tenant, people) = await _bed.NewTenantAsync();
        var pick = (await _bed.OpenAsync(tenant))[0];
        await _bed.Service.ExecuteAsync(ActionTestBed.Request(tenant, ActionVerb.AssignToMe, people[Role.Coordinator], pick), CancellationToken.None);

        // Act
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            _bed.ExecuteAsync("UPDATE action_audit SET verb = 'dismiss' WHERE tenant_id = @tenant", new { tenant }));

        // Assert
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, await _bed.AuditCountAsync(tenant));
    }
}
