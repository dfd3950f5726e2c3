namespace Allometry.Adapters.Slack.Tests.WebApi;

using System.Diagnostics;
using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.BlockKit;
using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.Tests.Fakes;
using Allometry.Adapters.Slack.WebApi;
using Microsoft.Extensions.Logging.Abstractions;

public sealed class SlackWebApiTests : IAsyncLifetime
{
    private const string Token = "xoxb-test";
    private static readonly BlockKitMessage Hello = new("Hello", [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "Hello" } }]);
    private FakeSlack _slack = null!;
    private HttpClient _http = null!;
    private SlackWebApi _api = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _http = new HttpClient();
        var options = new SlackOptions { ApiBaseUrl = _slack.ApiBaseUrl };
        _api = new SlackWebApi(new SlackWebApiClient(_http, options, TimeProvider.System, NullLogger<SlackWebApiClient>.Instance),
            new ChannelPostThrottle(TimeProvider.System));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task PostMessageAsync_Ok_ReturnsTsAndSendsJsonWithBearer()
    {
        var ts = await _api.PostMessageAsync(Token, "C111", Hello, threadTs: null, CancellationToken.None);

        var call = Assert.Single(_slack.Calls);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer " + Token, call.Authorization);
        Assert.Equal("C111", call.Body["channel"]!.GetValue<string>());
        Assert.Equal("section", call.Body["blocks"]![0]!["type"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d{6}$", ts);
    }

    [Theory]
    [InlineData("token_revoked", "TokenRevoked", true)]
    [InlineData("invalid_auth", "InvalidAuth", true)]
    [InlineData("channel_not_found", "ChannelNotFound", true)]
    [InlineData("is_archived", "IsArchived", true)]
    [InlineData("not_in_channel", "NotInChannel", true)]
    [InlineData("message_not_found", "MessageNotFound", true)]
    [InlineData("fatal_error", "Other", false)]
    public async Task UpdateAsync_OkFalse_ThrowsTypedError(string code, string expected, bool permanent)
    {
        _slack.FailNext("chat.update", code);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _api.UpdateAsync(Token, "C111", "1.2", Hello, CancellationToken.None));

        Assert.Equal(Enum.Parse<SlackApiError>(expected), error.Error);
        Assert.Equal(code, error.Code);
        Assert.Equal(permanent, error.Permanent);
    }

    [Fact]
    public async Task PostMessageAsync_RateLimitedTwice_WaitsRetryAfterAndDeliversOnce()
    {
        _slack.RateLimitNext("chat.postMessage", times: 2, retryAfterSeconds: 1);
        var clock = Stopwatch.StartNew();

        var ts = await _api.PostMessageAsync(Token, "C222", Hello, threadTs: null, CancellationToken.None);

        Assert.NotEmpty(ts);
        Assert.Equal(3, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"Retry-After was not waited out: {clock.Elapsed}");
    }

    [Fact]
    public async Task PostMessageAsync_RateLimitedBeyondPatience_ThrowsRatelimitedWithDelay()
    {
        _slack.RateLimitNext("chat.postMessage", times: 1, retryAfterSeconds: 120);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _api.PostMessageAsync(Token, "C333", Hello, null, CancellationToken.None));

        Assert.Equal(SlackApiError.RateLimited, error.Error);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.False(error.Permanent);
    }

    [Fact]
    public async Task PostMessageAsync_ThreePostsToOneChannel_AreSpacedOneSecondApart()
    {
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _api.PostMessageAsync(Token, "C444", Hello, null, CancellationToken.None)));

        Assert.Equal(3, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"Three posts took only {clock.Elapsed}");
    }

    [Fact]
    public async Task UserInfoAsync_KnownUser_SendsFormAndReadsEmailAndLocale()
    {
        _slack.Users["U777"] = ("marie@example.com", "fr-CA");

        var user = await _api.UserInfoAsync(Token, "U777", CancellationToken.None);

        Assert.Equal("marie@example.com", user["profile"]!["email"]!.GetValue<string>());
        var call = Assert.Single(_slack.Calls);
        Assert.Equal("U777", call.Body["user"]!.GetValue<string>());
        Assert.Equal("true", call.Body["include_locale"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetPermalinkAsync_Ok_ReturnsPermalink()
    {
        var link = await _api.GetPermalinkAsync(Token, "C111", "1700000000.000100", CancellationToken.None);

        Assert.Contains("C111", link, StringComparison.Ordinal);
    }
}
