namespace Allometry.Core.Postgres.Tests.Outbox;

using Allometry.Core.Postgres.Outbox;
using Allometry.Testing;

// A post taken over from a dead dispatcher's expired lease may have landed: the claim says so,
// and settling it with the post found by lookup records it exactly like a normal delivery.
[Collection(PostgresCollection.Name)]
public sealed class OutboxReconciliationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private OutboxTestBed _bed = null!;
    private string _tenant = "";

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        _bed = new OutboxTestBed(_database);
        _tenant = await OutboxTestBed.NewTenantAsync(_database.DataSource);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ClaimAsync_FreshPost_NotFlaggedAndCarriesItsPostKey()
    {
        // Arrange
        var id = await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1"), exceptionId: 7));

        // Act
        var claim = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));

        // Assert
        Assert.False(claim.MayHaveLanded);
        Assert.Null(claim.UnsettledSince);
        Assert.Equal($"allometry-outbox-{id}", claim.PostKey);
        Assert.Equal(OutboxTestBed.Start + _bed.Store.Options.Lease, claim.LeaseUntil);
    }

    [Fact]
    public async Task ClaimAsync_PostOfAnExpiredLease_FlaggedSinceTheInterruptedAttemptStarted()
    {
        // Arrange: d1 claims (and, say, posts) then dies; its lease runs out.
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1"), exceptionId: 7));
        var first = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));
        _bed.Clock.Advance(_bed.Store.Options.Lease + TimeSpan.FromSeconds(1));

        // Act
        var second = Assert.Single(await _bed.Store.ClaimAsync("d2", 10, CancellationToken.None));

        // Assert
        Assert.Equal(first.OutboxId, second.OutboxId);
        Assert.True(second.MayHaveLanded);
        Assert.Equal(OutboxTestBed.Start, second.UnsettledSince);
        Assert.Equal(first.PostKey, second.PostKey);
    }

    [Fact]
    public async Task ClaimAsync_InterruptedTwice_KeepsTheFirstUnknownAttempt()
    {
        // Arrange: d1 dies, d2 takes over and dies too.
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")));
        await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None);
        _bed.Clock.Advance(_bed.Store.Options.Lease + TimeSpan.FromSeconds(1));
        await _bed.Store.ClaimAsync("d2", 10, CancellationToken.None);
        _bed.Clock.Advance(_bed.Store.Options.Lease + TimeSpan.FromSeconds(1));

        // Act
        var third = Assert.Single(await _bed.Store.ClaimAsync("d3", 10, CancellationToken.None));

        // Assert: d1's post may be the one that landed, so the lookup must reach back to it.
        Assert.True(third.MayHaveLanded);
        Assert.Equal(OutboxTestBed.Start, third.UnsettledSince);
    }

    [Fact]
    public async Task ClaimAsync_UpdateOfAnExpiredLease_NotFlagged()
    {
        // Arrange: an update done twice changes nothing, so it needs no lookup.
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1"), exceptionId: 7));
        await _bed.DeliverAllAsync();
        await using (var connection = await _bed.DataSource.OpenConnectionAsync())
        {
            await _bed.Store.EnqueueExceptionUpdateAsync(connection, null, _tenant, 7, OutboxTestBed.Card(7, version: 2), CancellationToken.None);
        }
        Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));
        _bed.Clock.Advance(_bed.Store.Options.Lease + TimeSpan.FromSeconds(1));

        // Act
        var update = Assert.Single(await _bed.Store.ClaimAsync("d2", 10, CancellationToken.None));

        // Assert
        Assert.Equal(OutboxKind.Update, update.Kind);
        Assert.False(update.MayHaveLanded);
    }

    [Fact]
    public async Task MarkSentAsync_FoundByLookup_OneSentRowMappedAndTheReconciliationKept()
    {
        // Arrange
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1"), exceptionId: 7));
        var lost = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));
        _bed.Clock.Advance(_bed.Store.Options.Lease + TimeSpan.FromSeconds(1));
        var takeover = Assert.Single(await _bed.Store.ClaimAsync("d2", 10, CancellationToken.None));

        // Act: d2 found d1's post on the platform; d1's late "sent" (had it survived) is refused.
        var marked = await _bed.Store.MarkSentAsync([new OutboxDelivery(takeover, "1732198440.000100", Reconciliation: "found")], CancellationToken.None);
        var late = await _bed.Store.MarkSentAsync([new OutboxDelivery(lost, "1732198440.000999")], CancellationToken.None);

        // Assert
        Assert.Equal(1, marked);
        Assert.Equal(0, late);
        var row = Assert.Single(await _bed.QueryAsync<(string Status, string? Reconciliation, DateTime? UnsettledSince)>(
            "SELECT status, reconciliation, unsettled_since FROM outbox WHERE tenant_id = @tenant", new { tenant = _tenant }));
        Assert.Equal(("sent", "found", (DateTime?)null), row);
        var mapped = await _bed.ScalarAsync<string>(
            "SELECT conversation_id || '/' || message_id FROM message_map WHERE tenant_id = @tenant AND exception_id = 7", new { tenant = _tenant });
        Assert.Equal("C1/1732198440.000100", mapped);
        Assert.Empty(await _bed.Store.ClaimAsync("d3", 10, CancellationToken.None));
    }

    [Fact]
    public async Task MarkSentAsync_OrdinaryDelivery_NoReconciliationRecorded()
    {
        // Arrange
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")));

        // Act
        await _bed.DeliverAllAsync();

        // Assert
        var reconciliation = await _bed.QueryAsync<string?>("SELECT reconciliation FROM outbox WHERE tenant_id = @tenant", new { tenant = _tenant });
        Assert.Null(Assert.Single(reconciliation));
    }

    [Fact]
    public async Task CountAsync_InterruptedPostsSettled_CountsFoundAndUnchecked()
    {
        // Arrange: two posts interrupted by a crash; one found on the platform, one re-posted blind.
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")));
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C2")));
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C3")));
        await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None);
        _bed.Clock.Advance(_bed.Store.Options.Lease + TimeSpan.FromSeconds(1));
        var claims = await _bed.Store.ClaimAsync("d2", 10, CancellationToken.None);

        // Act
        await _bed.Store.MarkSentAsync([
            new OutboxDelivery(claims[0], "1.1", Reconciliation: "found"),
            new OutboxDelivery(claims[1], "1.2", Reconciliation: "lookup_failed:missing_scope"),
            new OutboxDelivery(claims[2], "1.3", Reconciliation: "not_found"),
        ], CancellationToken.None);
        var counts = await _bed.Store.CountAsync(CancellationToken.None);

        // Assert
        Assert.Equal(3, counts.Sent);
        Assert.Equal(1, counts.FoundAfterCrash);
        Assert.Equal(1, counts.RepostedUnchecked);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FailAsync_OutcomeUnknownOrRefused_NextClaimFlaggedOnlyWhenUnknown(bool mayHaveLanded)
    {
        // Arrange: a post timed out (the platform may have it) or was refused (it has nothing).
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")));
        var first = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));
        await _bed.Store.FailAsync(first, new OutboxFailure(mayHaveLanded ? "timeout" : "channel_busy", MayHaveLanded: mayHaveLanded), null, CancellationToken.None);
        _bed.Clock.Advance(TimeSpan.FromMinutes(1));

        // Act
        var retry = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));

        // Assert
        Assert.Equal(mayHaveLanded, retry.MayHaveLanded);
        Assert.Equal(mayHaveLanded ? OutboxTestBed.Start : null, retry.UnsettledSince);
    }
}
