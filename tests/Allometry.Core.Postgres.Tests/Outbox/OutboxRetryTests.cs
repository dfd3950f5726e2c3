namespace Allometry.Core.Postgres.Tests.Outbox;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Outbox;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class OutboxRetryTests(PostgresFixture postgres) : IAsyncLifetime
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
    public async Task FailAsync_RetryAfter_NotClaimableBeforeItAndNotCountedAsAnAttempt()
    {
        // Arrange
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")));
        var claim = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));

        // Act
        var outcome = await _bed.Store.FailAsync(claim, new OutboxFailure("ratelimited", RetryAfter: TimeSpan.FromSeconds(30)), null, CancellationToken.None);
        _bed.Clock.Advance(TimeSpan.FromSeconds(29));
        var tooEarly = await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None);
        _bed.Clock.Advance(TimeSpan.FromSeconds(5));
        var again = await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None);

        // Assert
        Assert.False(outcome.Dead);
        Assert.InRange(outcome.NextAttemptAt!.Value, OutboxTestBed.Start.AddSeconds(30), OutboxTestBed.Start.AddSeconds(33));
        Assert.Empty(tooEarly);
        Assert.Equal(1, Assert.Single(again).Attempts);
    }

    [Fact]
    public async Task FailAsync_ServerErrors_BackOffExponentiallyThenDeadWithOneOperatorNotice()
    {
        // Arrange
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")));
        var operatorChannel = OutboxTestBed.Slack("COPS");
        OutboxMessage Notice(OutboxClaim dead) => new()
        {
            TenantId = dead.TenantId, Address = operatorChannel, DedupeKey = $"operator:dead:{dead.OutboxId}",
            Card = OutboxTestBed.Card(0, title: "A message could not be delivered"),
        };
        var delays = new List<TimeSpan>();
        OutboxFailOutcome? last = null;

        // Act: MaxAttempts is 3 in the test bed
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var claim = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None), c => c.Address.ConversationId == "C1");
            last = await _bed.Store.FailAsync(claim, new OutboxFailure("http_500"), Notice, CancellationToken.None);
            if (last.NextAttemptAt is { } next)
            {
                delays.Add(next - _bed.Clock.GetUtcNow());
                _bed.Clock.Advance(next - _bed.Clock.GetUtcNow());
            }
        }

        // Assert
        Assert.True(last!.Dead);
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0].TotalSeconds, 1.6, 2.4);
        Assert.InRange(delays[1].TotalSeconds, 3.2, 4.8);
        var counts = await _bed.Store.CountAsync(CancellationToken.None);
        Assert.Equal(1, counts.Dead);
        var notice = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));
        Assert.Equal("COPS", notice.Address.ConversationId);
        var dead = Assert.Single(await _bed.Store.ListDeadAsync(10, CancellationToken.None));
        Assert.Equal("http_500", dead.LastError);
        Assert.Equal(3, dead.Attempts);
    }

    [Fact]
    public async Task FailAsync_PermanentRetriedAndDeadAgain_OperatorToldOnce()
    {
        // Arrange
        var id = await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")));
        OutboxMessage Notice(OutboxClaim dead) => new()
        {
            TenantId = dead.TenantId, Address = OutboxTestBed.Slack("COPS"), DedupeKey = $"operator:dead:{dead.OutboxId}",
            Card = OutboxTestBed.Card(0, title: "A message could not be delivered"),
        };

        // Act
        var first = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));
        var died = await _bed.Store.FailAsync(first, new OutboxFailure("channel_not_found", Permanent: true), Notice, CancellationToken.None);
        var revived = await _bed.Store.RetryDeadAsync(id, CancellationToken.None);
        var second = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None), c => c.OutboxId == id);
        await _bed.Store.FailAsync(second, new OutboxFailure("channel_not_found", Permanent: true), Notice, CancellationToken.None);

        // Assert
        Assert.True(died.Dead);
        Assert.Equal(1, revived);
        Assert.Equal(1, await _bed.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE conversation_id = 'COPS'"));
    }

    [Fact]
    public async Task PurgeDeadAsync_DeadAndPending_RemovesOnlyTheDead()
    {
        // Arrange
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")));
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C2")));
        var claims = await _bed.Store.ClaimAsync("d1", 1, CancellationToken.None);
        await _bed.Store.FailAsync(claims[0], new OutboxFailure("invalid_auth", Permanent: true), null, CancellationToken.None);

        // Act
        var purged = await _bed.Store.PurgeDeadAsync(null, CancellationToken.None);

        // Assert
        Assert.Equal(1, purged);
        var counts = await _bed.Store.CountAsync(CancellationToken.None);
        Assert.Equal((1L, 0L), (counts.Pending, counts.Dead));
    }

    [Fact]
    public async Task DeferAsync_Paced_GivesTheClaimBackWithoutCountingIt()
    {
        // Arrange
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1")));
        var claim = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));

        // Act
        await _bed.Store.DeferAsync("d1", [(claim.OutboxId, OutboxTestBed.Start.AddSeconds(3))], CancellationToken.None);
        var early = await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None);
        _bed.Clock.Advance(TimeSpan.FromSeconds(3));
        var due = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));

        // Assert
        Assert.Empty(early);
        Assert.Equal(1, due.Attempts);
    }

    [Fact]
    public async Task EnqueueExceptionUpdateAsync_CopiesInTwoLanguages_EachUpdatedInItsLanguage()
    {
        // Arrange: exception 9 posted in two Slack channels (en, fr) and one Teams chat (en)
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1"), 9));
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C2"), 9, language: Language.Fr));
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, new ChannelAddress(Core.People.Platform.Teams, "entra-1", "19:abc@thread.tacv2", "https://smba.example/"), 9));
        await _bed.DeliverAllAsync();

        // Act
        int queued;
        await using (var connection = await _bed.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            queued = await _bed.Store.EnqueueExceptionUpdateAsync(connection, transaction, _tenant, 9,
                [OutboxTestBed.Card(9, 2, Language.En, "Snoozed"), OutboxTestBed.Card(9, 2, Language.Fr, "En veille")], CancellationToken.None);
            await transaction.CommitAsync();
        }
        var updates = await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None);

        // Assert
        Assert.Equal(3, queued);
        Assert.Equal(3, updates.Count);
        Assert.All(updates, u => Assert.Equal(OutboxKind.Update, u.Kind));
        var byConversation = updates.ToDictionary(u => u.Address.ConversationId, u => (ExceptionCard)u.Card!);
        Assert.Equal("Snoozed", byConversation["C1"].Title);
        Assert.Equal("En veille", byConversation["C2"].Title);
        Assert.Equal(2, byConversation["19:abc@thread.tacv2"].Version);
        Assert.Equal("https://smba.example/", updates.Single(u => u.Address.Platform == Core.People.Platform.Teams).Address.ServiceUrl);
        Assert.All(updates, u => Assert.Equal($"m-", u.MessageId![..2]));
    }

    [Fact]
    public async Task EnqueueExceptionUpdateAsync_PostInFlight_NewerCardFollowsOnceItLands()
    {
        // Arrange
        await _bed.EnqueueCommittedAsync(OutboxTestBed.Post(_tenant, OutboxTestBed.Slack("C1"), 5));
        var inFlight = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));
        await using (var connection = await _bed.DataSource.OpenConnectionAsync())
        {
            await _bed.Store.EnqueueExceptionUpdateAsync(connection, null, _tenant, 5, OutboxTestBed.Card(5, 2, title: "Escalated"), CancellationToken.None);
        }

        // Act
        await _bed.Store.MarkSentAsync([new OutboxDelivery(inFlight, "ts-5")], CancellationToken.None);
        var followUp = Assert.Single(await _bed.Store.ClaimAsync("d1", 10, CancellationToken.None));

        // Assert
        Assert.Equal(OutboxKind.Update, followUp.Kind);
        Assert.Equal("ts-5", followUp.MessageId);
        Assert.Equal("Escalated", ((ExceptionCard)followUp.Card!).Title);
    }
}
