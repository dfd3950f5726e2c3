namespace Allometry.Bot.Tests.Outbox;

using Allometry.Bot.Outbox;
using Allometry.Core.Cards;
using Allometry.Core.People;
using Allometry.Core.Postgres.Outbox;
using Allometry.Testing;

// The dispatcher claims across tenants, so each test gets a database of its own.
[Collection(PostgresCollection.Name)]
public sealed class OutboxDispatcherTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(40);
    private TestDatabase _database = null!;
    private DispatcherTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync();
        _bed = await new DispatcherTestBed(_database.DataSource).WithTenantAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ExecuteAsync_TwoDispatchersOneDatabase_EveryMessageDeliveredExactlyOnce()
    {
        // Arrange
        var texts = await _bed.EnqueueAsync(conversations: 40, perConversation: 5);
        var platform = new FakeChatChannel(Platform.Slack) { Latency = TimeSpan.FromMilliseconds(2) };
        var first = _bed.Dispatcher([platform], new OutboxDispatcherOptions { BatchSize = 7, PollInterval = TimeSpan.FromMilliseconds(20) });
        var second = _bed.Dispatcher([platform], new OutboxDispatcherOptions { BatchSize = 7, PollInterval = TimeSpan.FromMilliseconds(20) });

        // Act
        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);
        var done = await DispatcherTestBed.EventuallyAsync(() => _bed.AllSentAsync(texts.Count), Limit);
        await first.StopAsync(CancellationToken.None);
        await second.StopAsync(CancellationToken.None);

        // Assert
        Assert.True(done, "not everything was delivered in time");
        var delivered = platform.Delivered.Select(d => d.Text).ToList();
        Assert.Equal(texts.Count, delivered.Count);
        Assert.Equal(texts.Order(StringComparer.Ordinal), delivered.Order(StringComparer.Ordinal));
        // Per conversation, in the order they were queued.
        foreach (var conversation in platform.Delivered.GroupBy(d => d.Conversation))
            Assert.Equal(conversation.Select(d => d.Text).Order(StringComparer.Ordinal), conversation.Select(d => d.Text));
    }

    [Fact]
    public async Task ExecuteAsync_PlatformThrottlesAndFailsThirtyPercent_AllDeliveredOnceAndRetryAfterHonoured()
    {
        // Arrange: a seeded 15 % of calls get 429 with Retry-After 300 ms, another 15 % a 500
        var retryAfter = TimeSpan.FromMilliseconds(300);
        var random = new Random(20261121);
        var gate = new Lock();
        Exception? Failure(ChannelAddress address, int call)
        {
            double roll;
            lock (gate) roll = random.NextDouble();
            return roll switch
            {
                < 0.15 => new ChannelDeliveryException("ratelimited", permanent: false, retryAfter),
                < 0.30 => new ChannelDeliveryException("http_500", permanent: false),
                _ => null,
            };
        }
        var texts = await _bed.EnqueueAsync(conversations: 20, perConversation: 5);
        var platform = new FakeChatChannel(Platform.Slack, Failure);
        var dispatcher = _bed.Dispatcher([platform]);

        // Act
        await dispatcher.StartAsync(CancellationToken.None);
        var done = await DispatcherTestBed.EventuallyAsync(() => _bed.AllSentAsync(texts.Count), Limit);
        await dispatcher.StopAsync(CancellationToken.None);

        // Assert
        Assert.True(done, "not everything was delivered in time");
        Assert.Equal(texts.Order(StringComparer.Ordinal), platform.Delivered.Select(d => d.Text).Order(StringComparer.Ordinal));
        var calls = platform.Calls.ToList();
        Assert.Contains(calls, c => c.Error is ChannelDeliveryException { RetryAfter: not null });
        Assert.Contains(calls, c => c.Error is ChannelDeliveryException { RetryAfter: null });
        foreach (var conversation in calls.GroupBy(c => c.Conversation))
        {
            var ordered = conversation.OrderBy(c => c.At).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                if (ordered[i].Error is ChannelDeliveryException { RetryAfter: { } wait })
                    Assert.True(ordered[i + 1].At - ordered[i].At >= wait - TimeSpan.FromMilliseconds(15),
                        $"{conversation.Key}: called again {(ordered[i + 1].At - ordered[i].At).TotalMilliseconds:F0} ms after a Retry-After of {wait.TotalMilliseconds} ms");
            }
        }
        Assert.Equal(0, (await _bed.Store.CountAsync(CancellationToken.None)).Dead);
    }

    [Fact]
    public async Task ExecuteAsync_PermanentAndRepeatedFailures_DeadWithOneOperatorNoticeEach()
    {
        // Arrange
        var bed = await new DispatcherTestBed(_database.DataSource,
            new OutboxOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxAttempts = 3, Lease = TimeSpan.FromSeconds(10) }).WithTenantAsync();
        await bed.EnqueueAsync(1, 1, prefix: "CGONE");
        await bed.EnqueueAsync(1, 1, prefix: "CFLAKY");
        await bed.EnqueueAsync(1, 1, prefix: "CFINE");
        var platform = new FakeChatChannel(Platform.Slack, (address, _) => address.ConversationId switch
        {
            "CGONE0" => new ChannelDeliveryException("channel_not_found", permanent: true),
            "CFLAKY0" => new ChannelDeliveryException("http_503", permanent: false),
            _ => null,
        });
        var options = new OutboxDispatcherOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(20),
            OperatorChannel = new OperatorChannelOptions { Platform = Platform.Slack, Realm = "T0OPS", ConversationId = "COPS" },
        };
        var dispatcher = bed.Dispatcher([platform], options);

        // Act: deliver, then an operator retries both dead messages, which die again
        await dispatcher.StartAsync(CancellationToken.None);
        var dead = await DispatcherTestBed.EventuallyAsync(async () => (await bed.Store.CountAsync(CancellationToken.None)) is { Dead: 2, Sent: 3 }, Limit);
        var revived = await bed.Store.RetryDeadAsync(null, CancellationToken.None);
        var deadAgain = await DispatcherTestBed.EventuallyAsync(async () => (await bed.Store.CountAsync(CancellationToken.None)) is { Dead: 2, Pending: 0, Sending: 0 }, Limit);
        await dispatcher.StopAsync(CancellationToken.None);

        // Assert
        Assert.True(dead && deadAgain, "the failing messages did not die in time");
        Assert.Equal(2, revived);
        var notices = platform.Delivered.Where(d => d.Conversation == "COPS").Select(d => d.Text).ToList();
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, n => n.Contains("channel_not_found", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Contains("http_503", StringComparison.Ordinal) && n.Contains("3 attempt", StringComparison.Ordinal));
        Assert.Equal(6, platform.Calls.Count(c => c.Conversation == "CFLAKY0"));
    }

    [Fact]
    public async Task ExecuteAsync_OneConversationAtFivePerSecond_CallsSpacedByTheLimit()
    {
        // Arrange
        var texts = await _bed.EnqueueAsync(conversations: 1, perConversation: 5);
        var platform = new FakeChatChannel(Platform.Slack);
        var dispatcher = _bed.Dispatcher([platform], limits: _ => new PlatformRateLimits(5, null));

        // Act
        await dispatcher.StartAsync(CancellationToken.None);
        var done = await DispatcherTestBed.EventuallyAsync(() => _bed.AllSentAsync(texts.Count), Limit);
        await dispatcher.StopAsync(CancellationToken.None);

        // Assert
        Assert.True(done);
        var times = platform.Calls.Select(c => c.At).Order().ToList();
        for (var i = 0; i + 1 < times.Count; i++)
            Assert.True(times[i + 1] - times[i] >= TimeSpan.FromMilliseconds(185), $"calls {i} and {i + 1} were {(times[i + 1] - times[i]).TotalMilliseconds:F0} ms apart");
    }

    [Fact]
    public async Task StopAsync_MessagesWaitingForTheirSlot_GivenBackUncountedAndDeliveredLaterExactlyOnce()
    {
        // Arrange: one message a second to one conversation, stopped after the first
        var texts = await _bed.EnqueueAsync(conversations: 1, perConversation: 4);
        var platform = new FakeChatChannel(Platform.Slack);
        var slow = _bed.Dispatcher([platform], limits: _ => new PlatformRateLimits(1, null));
        await slow.StartAsync(CancellationToken.None);
        Assert.True(await DispatcherTestBed.EventuallyAsync(() => _bed.AllSentAsync(1), Limit));

        // Act
        await slow.StopAsync(CancellationToken.None);
        var afterStop = await _bed.Store.CountAsync(CancellationToken.None);
        var fast = _bed.Dispatcher([platform]);
        await fast.StartAsync(CancellationToken.None);
        var done = await DispatcherTestBed.EventuallyAsync(() => _bed.AllSentAsync(texts.Count), Limit);
        await fast.StopAsync(CancellationToken.None);

        // Assert
        Assert.Equal(0, afterStop.Sending);
        Assert.Equal(texts.Count, afterStop.Sent + afterStop.Pending);
        Assert.True(done);
        Assert.Equal(texts, platform.Delivered.Select(d => d.Text));
    }

    [Fact]
    public async Task ExecuteAsync_PostThenActionUpdate_UpdatesTheCopyItPosted()
    {
        // Arrange: an exception card posted, then a state change queues an update of its copy
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            await _bed.Store.EnqueueAsync(connection, null, new OutboxMessage
            {
                TenantId = _bed.Tenant, Address = new ChannelAddress(Platform.Slack, "T0TEAM", "C1"), ExceptionId = 77, DedupeKey = "post-77",
                Card = ExceptionCard(77, 1, "open"),
            }, CancellationToken.None);
        }
        var platform = new FakeChatChannel(Platform.Slack);
        var dispatcher = _bed.Dispatcher([platform]);
        await dispatcher.StartAsync(CancellationToken.None);
        Assert.True(await DispatcherTestBed.EventuallyAsync(() => _bed.AllSentAsync(1), Limit));

        // Act
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
        {
            await _bed.Store.EnqueueExceptionUpdateAsync(connection, null, _bed.Tenant, 77, ExceptionCard(77, 2, "snoozed"), CancellationToken.None);
        }
        var updated = await DispatcherTestBed.EventuallyAsync(() => _bed.AllSentAsync(2), Limit);
        await dispatcher.StopAsync(CancellationToken.None);

        // Assert
        Assert.True(updated);
        var posted = Assert.Single(platform.Delivered);
        var update = Assert.Single(platform.Updated);
        Assert.Equal(posted.MessageId, update.MessageId);
        Assert.Equal("77 v2 snoozed", update.Text);
    }

    private static ExceptionCard ExceptionCard(long id, int version, string status) => new()
    {
        Language = Core.Localization.Language.En, FallbackText = $"{id} v{version} {status}", ExceptionId = id, Version = version,
        RuleId = "DepositShort", Severity = Core.Rules.Severity.High, SeverityLabel = "High", Title = "Deposit short", Detail = "Short",
        SuggestedAction = "Call", AmountAtRisk = 10m, AmountText = "10,00 $", StatusLine = status,
    };
}
