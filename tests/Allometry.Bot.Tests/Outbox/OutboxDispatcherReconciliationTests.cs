namespace Allometry.Bot.Tests.Outbox;

using Allometry.Bot.Outbox;
using Allometry.Core.Cards;
using Allometry.Core.People;
using Allometry.Core.Postgres.Outbox;
using Allometry.Testing;
using Dapper;

// A dispatcher died holding posts (some had landed, some not); its leases expire and another
// dispatcher takes them over: landed posts are found and recorded, the others posted once.
[Collection(PostgresCollection.Name)]
public sealed class OutboxDispatcherReconciliationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);
    private TestDatabase _database = null!;
    private DispatcherTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        _bed = await new DispatcherTestBed(_database.DataSource,
            new OutboxOptions { BaseDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 10, Lease = Lease }).WithTenantAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static OutboxDispatcherOptions Options(TimeSpan? sendTimeout = null) => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(50),
        SendTimeout = sendTimeout ?? TimeSpan.FromMilliseconds(500),
    };

    /// <summary>Queues one exception-card post per conversation; "the dead instance" claims them all.</summary>
    private async Task<IReadOnlyList<OutboxClaim>> ClaimedByTheDeadAsync(int conversations)
    {
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            for (var c = 0; c < conversations; c++)
            {
                await _bed.Store.EnqueueAsync(connection, null, new OutboxMessage
                {
                    TenantId = _bed.Tenant, Address = new ChannelAddress(Platform.Slack, "T0TEAM", $"C{c}"), Card = DispatcherTestBed.Card($"C{c}"),
                    ExceptionId = 100 + c, DedupeKey = $"post-{c}",
                }, CancellationToken.None);
            }
        }
        var claims = await _bed.Store.ClaimAsync("dead-instance", 100, CancellationToken.None);
        Assert.Equal(conversations, claims.Count);
        return claims;
    }

    private async Task<bool> RunUntilSentAsync(IChatChannel channel, int expected, TimeSpan? sendTimeout = null)
    {
        var dispatcher = _bed.Dispatcher([channel], Options(sendTimeout));
        await dispatcher.StartAsync(CancellationToken.None);
        var done = await DispatcherTestBed.EventuallyAsync(() => _bed.AllSentAsync(expected), TimeSpan.FromSeconds(20));
        await dispatcher.StopAsync(CancellationToken.None);
        return done;
    }

    private async Task<Dictionary<long, (string? Reconciliation, string? Mapped)>> RowsAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(long Id, string? Reconciliation, string? Mapped)>("""
            SELECT o.outbox_id, o.reconciliation, m.message_id FROM outbox o
            LEFT JOIN message_map m ON m.tenant_id = o.tenant_id AND m.exception_id = o.exception_id
            WHERE o.tenant_id = @tenant
            """, new { tenant = _bed.Tenant });
        return rows.ToDictionary(r => r.Id, r => (r.Reconciliation, r.Mapped));
    }

    [Fact]
    public async Task ExecuteAsync_DeadInstancesPostsLanded_FoundAndMappedNotPostedAgain()
    {
        // Arrange: the dead instance's posts to C0 and C1 landed before it died; C2's never left.
        var claims = await ClaimedByTheDeadAsync(3);
        var platform = new LookupChatChannel(Platform.Slack);
        var landed = claims.Take(2).ToDictionary(c => c.OutboxId, c => platform.Landed(c.Address, c.PostKey));

        // Act
        var done = await RunUntilSentAsync(platform, 3);

        // Assert: one post per key, the found ones recorded where they landed.
        Assert.True(done);
        Assert.All(claims, c => Assert.Single(platform.Posts, p => p.PostKey == c.PostKey));
        Assert.Equal(3, platform.Posts.Count);
        var rows = await RowsAsync();
        foreach (var (id, messageId) in landed) Assert.Equal(("found", messageId), rows[id]);
        var unlanded = claims[2];
        Assert.Equal("not_found", rows[unlanded.OutboxId].Reconciliation);
        Assert.Equal(platform.Posts.Single(p => p.PostKey == unlanded.PostKey).MessageId, rows[unlanded.OutboxId].Mapped);
        Assert.All(platform.Lookups, l => Assert.True(l.Since < claims[0].LeaseUntil - Lease, "the lookup reaches back before the dead attempt started"));
    }

    [Fact]
    public async Task ExecuteAsync_FreshPosts_NoLookupAndEveryPostCarriesItsKey()
    {
        // Arrange
        var texts = await _bed.EnqueueAsync(conversations: 4, perConversation: 1);
        var platform = new LookupChatChannel(Platform.Slack);

        // Act
        var done = await RunUntilSentAsync(platform, texts.Count);

        // Assert
        Assert.True(done);
        Assert.Empty(platform.Lookups);
        Assert.Equal(texts.Count, platform.Posts.Count);
        Assert.All(platform.Posts, p => Assert.StartsWith("allometry-outbox-", p.PostKey, StringComparison.Ordinal));
        Assert.All((await RowsAsync()).Values, r => Assert.Null(r.Reconciliation));
    }

    [Fact]
    public async Task ExecuteAsync_LookupFails_PostsAgainAndSaysSo()
    {
        // Arrange: the post landed, but the platform cannot be asked: a duplicate beats a lost card.
        var claim = Assert.Single(await ClaimedByTheDeadAsync(1));
        var platform = new LookupChatChannel(Platform.Slack) { LookupFailure = new ChannelDeliveryException("missing_scope", permanent: true) };
        platform.Landed(claim.Address, claim.PostKey);

        // Act
        var done = await RunUntilSentAsync(platform, 1);

        // Assert
        Assert.True(done);
        Assert.Equal(2, platform.Posts.Count(p => p.PostKey == claim.PostKey));
        Assert.Equal("lookup_failed:missing_scope", (await RowsAsync())[claim.OutboxId].Reconciliation);
    }

    [Fact]
    public async Task ExecuteAsync_LookupThrottled_WaitsAndLooksAgainInsteadOfPosting()
    {
        // Arrange: the dead instance's post landed; the platform throttles the first two lookups.
        var claim = Assert.Single(await ClaimedByTheDeadAsync(1));
        var platform = new LookupChatChannel(Platform.Slack) { ThrottleLookups = 2 };
        platform.Landed(claim.Address, claim.PostKey);

        // Act
        var done = await RunUntilSentAsync(platform, 1);

        // Assert
        Assert.True(done);
        Assert.Single(platform.Posts);
        Assert.Equal(3, platform.Lookups.Count);
        Assert.Equal("found", (await RowsAsync())[claim.OutboxId].Reconciliation);
    }

    [Fact]
    public async Task ExecuteAsync_ChannelCannotLookUp_PostsAgainAndSaysSo()
    {
        // Arrange
        var claim = Assert.Single(await ClaimedByTheDeadAsync(1));
        var platform = new FakeChatChannel(Platform.Slack);

        // Act
        var done = await RunUntilSentAsync(platform, 1);

        // Assert
        Assert.True(done);
        Assert.Single(platform.Delivered);
        Assert.Equal("no_lookup", (await RowsAsync())[claim.OutboxId].Reconciliation);
    }

    [Fact]
    public async Task ExecuteAsync_CallWouldOutliveTheLease_CutBeforeTheLeaseEnds()
    {
        // Arrange: a platform slower than the lease, and a send timeout longer than it: the call
        // must still end before another instance could take the message over.
        var texts = await _bed.EnqueueAsync(conversations: 1, perConversation: 1);
        var platform = new LookupChatChannel(Platform.Slack)
        {
            Latency = Lease + TimeSpan.FromSeconds(2),
            LeaseEndAtCall = async () => (DateTime)(await _database.DataSource.CreateCommand("SELECT lease_until FROM outbox").ExecuteScalarAsync())!,
        };
        var dispatcher = _bed.Dispatcher([platform], Options(sendTimeout: TimeSpan.FromSeconds(30)));

        // Act
        await dispatcher.StartAsync(CancellationToken.None);
        var failed = await DispatcherTestBed.EventuallyAsync(async () =>
            await _database.DataSource.CreateCommand("SELECT count(*) FROM outbox WHERE last_error = 'timeout'").ExecuteScalarAsync() is long n && n > 0,
            TimeSpan.FromSeconds(10));
        await dispatcher.StopAsync(CancellationToken.None);

        // Assert: each cut was asked before the lease of its attempt ended. Timing the call's end
        // instead measured the thread pool's delay in resuming it too: up to 0.7 s on a CI machine
        // running two test projects on two cores.
        Assert.True(failed);
        Assert.NotEmpty(platform.Cuts);
        Assert.All(platform.Cuts, c => Assert.True(c.CutAt < c.LeaseEnd, $"the call was cut at {c.CutAt:O}, after its lease ended at {c.LeaseEnd:O}"));
        Assert.Empty(platform.Posts);
        Assert.Single(texts);
    }

    [Fact]
    public async Task ExecuteAsync_PostLandedButItsAnswerWasLost_FoundOnRetryNotPostedTwice()
    {
        // Arrange: the platform takes the post, then the connection drops before its answer.
        var texts = await _bed.EnqueueAsync(conversations: 1, perConversation: 1);
        var platform = new LookupChatChannel(Platform.Slack) { LoseAnswers = 1 };

        // Act
        var done = await RunUntilSentAsync(platform, texts.Count);

        // Assert
        Assert.True(done);
        Assert.Single(platform.Posts);
        Assert.Single(platform.Lookups);
        Assert.Equal("found", Assert.Single((await RowsAsync()).Values).Reconciliation);
    }

    [Theory]
    [InlineData("transport", false, true)]
    [InlineData("http_503", false, true)]
    [InlineData("channel_not_found", true, false)]
    [InlineData("not_in_channel", true, false)]
    [InlineData("fatal_error", false, true)]
    [InlineData("invalid_blocks", false, false)]
    public void Unanswered_ChannelFailure_OnlyWhenThePlatformGaveNoRefusal(string reason, bool permanent, bool expected)
    {
        // Arrange
        var failure = new ChannelDeliveryException(reason, permanent);

        // Act
        var unanswered = OutboxDispatcher.Unanswered(failure);

        // Assert
        Assert.Equal(expected, unanswered);
    }
}
