namespace Allometry.Adapters.Slack.Tests.Channel;

using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.Channel;
using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.Installations;
using Allometry.Adapters.Slack.Interactivity;
using Allometry.Adapters.Slack.Tests.Fakes;
using Allometry.Adapters.Slack.WebApi;
using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Finding a card whose post a crash interrupted: every post carries its key in the message's
// metadata, and conversations.history (with include_all_metadata) finds it again.
public sealed class SlackChatChannelLookupTests : IAsyncLifetime
{
    private const string Channel = "C0DIGEST";
    private static readonly ChannelAddress Address = new(Platform.Slack, "T0TEAM", Channel);
    private static readonly NoticeCard Card = new() { Language = Language.En, Kind = NoticeKind.Information, Title = "Digest", FallbackText = "Digest" };
    private FakeSlack _slack = null!;
    private HttpClient _http = null!;
    private NpgsqlDataSource _unusedDatabase = null!;
    private SlackChatChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _http = new HttpClient();
        var options = new SlackOptions { ApiBaseUrl = _slack.ApiBaseUrl, BotToken = "xoxb-lookup" };
        var api = new SlackWebApi(new SlackWebApiClient(_http, options, TimeProvider.System, NullLogger<SlackWebApiClient>.Instance),
            new ChannelPostThrottle(TimeProvider.System));
        // A notice card has no inputs, so the form store never opens a connection.
        _unusedDatabase = NpgsqlDataSource.Create("Host=127.0.0.1;Port=9");
        _channel = new SlackChatChannel(api, new SlackTokenSource(options, new ServiceCollection().BuildServiceProvider(), TimeProvider.System),
            new ActionFormStore(_unusedDatabase, TimeProvider.System));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _unusedDatabase.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task PostAsync_WithPostKey_CarriesItInTheMessageMetadata()
    {
        // Act
        await _channel.PostAsync(Address, Card, "allometry-outbox-42", CancellationToken.None);

        // Assert
        var metadata = Assert.Single(_slack.Calls).Body["metadata"];
        Assert.Equal("allometry_card", metadata?["event_type"]?.GetValue<string>());
        Assert.Equal("allometry-outbox-42", metadata?["event_payload"]?["post_key"]?.GetValue<string>());
    }

    [Fact]
    public async Task PostAsync_AsPlainChannel_NoMetadata()
    {
        // Act
        await ((IChatChannel)_channel).PostAsync(Address, Card, CancellationToken.None);

        // Assert
        Assert.Null(Assert.Single(_slack.Calls).Body["metadata"]);
    }

    [Fact]
    public async Task FindPostAsync_PostLanded_ReturnsItsTs()
    {
        // Arrange: the card landed, then people talked in the channel.
        var since = DateTimeOffset.UtcNow;
        var posted = await _channel.PostAsync(Address, Card, "allometry-outbox-7", CancellationToken.None);
        await _channel.PostAsync(Address, Card, "allometry-outbox-8", CancellationToken.None);
        _slack.AddHistory(Channel, "9999999999.000001", "thanks!");

        // Act
        var found = await _channel.FindPostAsync(Address, "allometry-outbox-7", since.AddMinutes(-2), CancellationToken.None);

        // Assert
        Assert.Equal(posted, found);
        var history = _slack.Calls.Single(c => c.Method == "conversations.history");
        Assert.Equal("true", history.Body["include_all_metadata"]?.GetValue<string>());
        Assert.Equal(Channel, history.Body["channel"]?.GetValue<string>());
        Assert.Equal(SlackWebApi.SlackTimestamp(since.AddMinutes(-2)), history.Body["oldest"]?.GetValue<string>());
    }

    [Fact]
    public async Task FindPostAsync_NeverLanded_ReturnsNull()
    {
        // Arrange: other cards, a person's message, and another app's metadata with the same key name.
        await _channel.PostAsync(Address, Card, "allometry-outbox-8", CancellationToken.None);
        _slack.AddHistory(Channel, "9999999999.000001", "allometry-outbox-7");
        _slack.AddHistory(Channel, "9999999999.000002", "other app",
            new JsonObject { ["event_type"] = "task_created", ["event_payload"] = new JsonObject { ["post_key"] = "allometry-outbox-7" } });

        // Act
        var found = await _channel.FindPostAsync(Address, "allometry-outbox-7", DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);

        // Assert
        Assert.Null(found);
    }

    [Fact]
    public async Task FindPostAsync_PostedBeforeSince_NotSearched()
    {
        // Arrange
        _slack.AddHistory(Channel, "1000000000.000001", "old card",
            new JsonObject { ["event_type"] = "allometry_card", ["event_payload"] = new JsonObject { ["post_key"] = "allometry-outbox-7" } });

        // Act
        var found = await _channel.FindPostAsync(Address, "allometry-outbox-7", DateTimeOffset.FromUnixTimeSeconds(1_500_000_000), CancellationToken.None);

        // Assert
        Assert.Null(found);
    }

    [Fact]
    public async Task FindPostAsync_PostOnAnOlderPage_FollowsTheCursor()
    {
        // Arrange: two messages a page; the card is under four newer messages, on the third page.
        _slack.MaxHistoryPage = 2;
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var posted = await _channel.PostAsync(Address, Card, "allometry-outbox-7", CancellationToken.None);
        for (var i = 1; i <= 4; i++) _slack.AddHistory(Channel, $"9999999999.00000{i}", $"message {i}");

        // Act
        var found = await _channel.FindPostAsync(Address, "allometry-outbox-7", since, CancellationToken.None);

        // Assert
        Assert.Equal(posted, found);
        var pages = _slack.Calls.Where(c => c.Method == "conversations.history").ToList();
        Assert.Equal(3, pages.Count);
        Assert.Null(pages[0].Body["cursor"]);
        Assert.NotNull(pages[2].Body["cursor"]);
    }

    [Fact]
    public async Task FindPostAsync_ChannelTooBusyToSearch_ThrowsUnknownNotNull()
    {
        // Arrange: more pages than the lookup reads, none with the card.
        _slack.MaxHistoryPage = 1;
        for (var i = 1; i <= SlackChatChannel.HistoryMaxPages + 1; i++) _slack.AddHistory(Channel, $"9999999999.00000{i}", $"message {i}");

        // Act
        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            _channel.FindPostAsync(Address, "allometry-outbox-7", DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None));

        // Assert
        Assert.Equal("history_too_long", error.Reason);
        Assert.Equal(SlackChatChannel.HistoryMaxPages, _slack.Calls.Count(c => c.Method == "conversations.history"));
    }

    [Fact]
    public async Task FindPostAsync_SlackFails_ThrowsUnknownNotNull()
    {
        // Arrange
        await _channel.PostAsync(Address, Card, "allometry-outbox-7", CancellationToken.None);
        _slack.FailNext("conversations.history", "internal_error");

        // Act
        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            _channel.FindPostAsync(Address, "allometry-outbox-7", DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None));

        // Assert
        Assert.Equal("internal_error", error.Reason);
    }

    [Fact]
    public async Task FindPostAsync_MissingHistoryScope_ThrowsUnknownNotNull()
    {
        // Arrange: an app installed before the history scopes were added.
        _slack.FailNext("conversations.history", "missing_scope");

        // Act
        var error = await Assert.ThrowsAsync<ChannelDeliveryException>(() =>
            _channel.FindPostAsync(Address, "allometry-outbox-7", DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None));

        // Assert
        Assert.Equal("missing_scope", error.Reason);
    }
}
