namespace Allometry.Core.Postgres.Tests.Outbox;

using Allometry.Core.Cards;
using Allometry.Core.Postgres.Outbox;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Testing;
using Npgsql;

// The dispatcher claims across tenants, so each test gets a database of its own.
[Collection(PostgresCollection.Name)]
public sealed class OutboxStoreTests(PostgresFixture postgres) : IAsyncLifetime
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
    public async Task EnqueueAsync_TransactionRolledBack_NothingToClaim()
    {
        // Arrange
        await using (var connection = await _bed.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await _bed.Store.EnqueueAsync(connection, transaction, OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")), CancellationToken.None);
            // Act
            await transaction.RollbackAsync();
        }

        // Assert
        Assert.Empty(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));
        Assert.Equal(0, (await _bed.Store.CountAsync(CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task EnqueueAsync_SameDedupeKeyTwice_QueuesOnce()
    {
        // Arrange
        var message = OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1"), key: "digest:1:2026-11-23:7");

        // Act
        var first = await _bed.EnqueueCommittedAsync(message);
        var second = await _bed.EnqueueCommittedAsync(message);

        // Assert
        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(1, (await _bed.Store.CountAsync(CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task EnqueueAsync_InsideAnotherTenantsScope_RefusedByRowLevelSecurity()
    {
        // Arrange
        var other = await OutboxTestBed.NewTenantAsync(_database.DataSource);
        await using var scope = await TenantScope.BeginAsync(_database.DataSource, other, CancellationToken.None);

        // Act
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            _bed.Store.EnqueueAsync(scope.Connection, scope.Transaction, OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")), CancellationToken.None));

        // Assert
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task ClaimAsync_CardRoundTrip_ReadsTheCardBackWithItsKind()
    {
        // Arrange
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1"), exceptionId: 41));

        // Act
        var claim = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));

        // Assert
        var card = Assert.IsType<ExceptionCard>(claim.Card);
        Assert.Equal(41, card.ExceptionId);
        Assert.Equal(1234.56m, card.AmountAtRisk);
        Assert.Equal("1 234,56 $", card.AmountText);
        Assert.Equal(1, claim.Attempts);
        Assert.Equal(OutboxTestBed.Slack("C1"), claim.Address);
    }

    [Fact]
    public async Task ClaimAsync_ThreeMessagesToOneConversation_OneAtATimeInOrder()
    {
        // Arrange
        var ids = new List<long?>();
        for (var i = 0; i < 3; i++) ids.Add(await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1"))));

        // Act
        var first = await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None);
        var whileInFlight = await _bed.Store.ClaimAsync("d2", 10, CancellationToken.None);
        await _bed.Store.MarkSentAsync([new OutboxDelivery(first[0], "ts-1")], CancellationToken.None);
        var second = await _bed.Store.ClaimAsync("d2", 10, CancellationToken.None);

        // Assert
        Assert.Equal(ids[0], Assert.Single(first).OutboxId);
        Assert.Empty(whileInFlight);
        Assert.Equal(ids[1], Assert.Single(second).OutboxId);
    }

    [Fact]
    public async Task ClaimAsync_ConcurrentClaimers_NoMessageClaimedTwice()
    {
        // Arrange: 200 conversations with 3 messages each
        for (var c = 0; c < 200; c++)
            for (var m = 0; m < 3; m++)
                await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack($"C{c}")));

        // Act: four claimers race, each marking what it got sent, until nothing is left
        async Task<List<long>> Claimer(string owner)
        {
            var mine = new List<long>();
            for (var idle = 0; idle < 3;)
            {
                var claims = await _bed.Store.ClaimAsync(owner, 25, CancellationToken.None);
                if (claims.Count == 0) { idle++; await Task.Delay(20); continue; }
                idle = 0;
                mine.AddRange(claims.Select(c => c.OutboxId));
                Assert.Equal(claims.Count, await _bed.Store.MarkSentAsync([.. claims.Select(c => new OutboxDelivery(c, $"ts-{c.OutboxId}"))], CancellationToken.None));
            }
            return mine;
        }
        var results = await Task.WhenAll(Claimer("a"), Claimer("b"), Claimer("c"), Claimer("d"));

        // Assert
        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(600, all.Count);
        Assert.Equal(600, all.Distinct().Count());
        Assert.Equal(600, (await _bed.Store.CountAsync(CancellationToken.None)).Sent);
    }

    [Fact]
    public async Task ClaimAsync_LeaseExpired_AnotherDispatcherTakesOverAndTheFirstCannotMarkIt()
    {
        // Arrange
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")));
        var lost = Assert.Single(await _bed.Store.ClaimAsync("crashed", 10, CancellationToken.None));
        _bed.Clock.Advance(_bed.Store.Options.Lease + TimeSpan.FromSeconds(1));

        // Act
        var taken = Assert.Single(await _bed.Store.ClaimAsync("survivor", 10, CancellationToken.None));
        var markedByLoser = await _bed.Store.MarkSentAsync([new OutboxDelivery(lost, "ts-x")], CancellationToken.None);
        var markedByWinner = await _bed.Store.MarkSentAsync([new OutboxDelivery(taken, "ts-y")], CancellationToken.None);

        // Assert
        Assert.Equal(lost.OutboxId, taken.OutboxId);
        Assert.Equal(2, taken.Attempts);
        Assert.Equal(0, markedByLoser);
        Assert.Equal(1, markedByWinner);
    }

    [Fact]
    public async Task MarkSentAsync_PostOfExceptionCard_RecordsWhereItLanded()
    {
        // Arrange
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1"), exceptionId: 7));
        var claim = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));

        // Act
        await _bed.Store.MarkSentAsync([new OutboxDelivery(claim, "1732198440.000100")], CancellationToken.None);

        // Assert
        var mapped = await _bed.ScalarAsync<string>(
            "SELECT platform || '/' || realm || '/' || conversation_id || '/' || message_id FROM message_map WHERE tenant_id = @tenant AND exception_id = 7",
            new { tenant = _tenant });
        Assert.Equal("slack/T0TEAM/C1/1732198440.000100", mapped);
    }

    [Fact]
    public async Task MarkSentAsync_TeamsChannelPostStartedAThread_MapsAndUpdatesTheThread()
    {
        // Arrange
        var channel = new ChannelAddress(Core.People.Platform.Teams, "entra-1", "19:general@thread.tacv2", "https://smba.example/");
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, channel, exceptionId: 8));
        var claim = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));

        // Act
        await _bed.Store.MarkSentAsync([new OutboxDelivery(claim, "1732198440123", "19:general@thread.tacv2;messageid=1732198440123")], CancellationToken.None);
        await using (var connection = await _bed.DataSource.OpenConnectionAsync())
        {
            await _bed.Store.EnqueueExceptionUpdateAsync(connection, null, _tenant, 8, OutboxTestBed.Card(8, 2), CancellationToken.None);
        }
        var update = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));

        // Assert
        Assert.Equal(new PostedCard(channel with { ConversationId = "19:general@thread.tacv2;messageid=1732198440123" }, "1732198440123"), update.Posted);
    }
}
