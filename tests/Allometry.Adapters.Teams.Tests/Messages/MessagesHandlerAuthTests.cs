namespace Allometry.Adapters.Teams.Tests.Messages;

using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Tests.Fakes;

/// <summary>The door of <c>/api/messages</c>: every forged, stale, misdirected or malformed request is refused and changes nothing.</summary>
public sealed class MessagesHandlerAuthTests(AuthFixture fixture) : IClassFixture<AuthFixture>
{
    private FakeBotFramework Fake => fixture.Fake;

    public static TheoryData<string> BadRequests() =>
    [
        "no header", "wrong scheme", "alg none", "HS256 with the public key", "unknown kid", "bad signature",
        "expired", "not yet valid", "wrong issuer", "wrong audience", "missing endorsement", "serviceUrl mismatch",
        "malformed token", "tampered payload", "no exp", "channel not endorsed", "token for another service in body",
    ];

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task HandleAsync_BadToken_Returns401AndChangesNothing(string scenario)
    {
        // Arrange
        var activity = Captures.ChannelMessage(Fake.ServiceUrl);
        var claims = TestTokens.Claims(Fake.ServiceUrl, fixture.Clock.GetUtcNow());
        var authorization = Forge(scenario, claims, activity);
        var before = Snapshot();

        // Act
        using var response = await fixture.Host.PostAsync(activity.ToJsonString(), authorization);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingChangedAsync(before);
    }

    [Fact]
    public async Task HandleAsync_OversizedBody_Returns413AndChangesNothing()
    {
        // Arrange
        var activity = Captures.ChannelMessage(Fake.ServiceUrl, text: new string('x', 70_000));
        var before = Snapshot();

        // Act
        using var response = await fixture.Host.PostAsync(activity.ToJsonString(), Valid());

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingChangedAsync(before);
    }

    [Fact]
    public async Task HandleAsync_NonJsonBody_Returns400AndChangesNothing()
    {
        // Arrange
        var before = Snapshot();

        // Act
        using var response = await fixture.Host.PostAsync("{\"type\":\"message\", not json", Valid());

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingChangedAsync(before);
    }

    [Fact]
    public async Task HandleAsync_WrongContentType_Returns415AndChangesNothing()
    {
        // Arrange
        var before = Snapshot();

        // Act
        using var response = await fixture.Host.PostAsync(Captures.ChannelMessage(Fake.ServiceUrl).ToJsonString(), Valid(), "text/plain");

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNothingChangedAsync(before);
    }

    [Theory]
    [InlineData("RS256", "aud")]
    [InlineData("RS384", "api")]
    [InlineData("RS512", "botid")]
    [InlineData("RS256", "skew")]
    public async Task HandleAsync_ValidToken_Returns200AndReachesConversation(string alg, string variant)
    {
        // Arrange
        var now = fixture.Clock.GetUtcNow();
        var claims = TestTokens.Claims(Fake.ServiceUrl, now);
        if (variant == "api") claims["aud"] = "api://" + TestTokens.AppId;
        if (variant == "botid") claims["aud"] = new JsonArray("someone-else", "api://botid-" + TestTokens.AppId);
        if (variant == "skew") claims["exp"] = now.AddMinutes(-4).ToUnixTimeSeconds();
        var id = "valid-" + alg + variant;
        var activity = Captures.ChannelMessage(Fake.ServiceUrl, "<at>Allometry</at>help", id);

        // Act
        using var response = await fixture.Host.PostAsync(activity.ToJsonString(), "Bearer " + TestTokens.Sign(claims, Fake.Key, Fake.KeyId, alg));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await WaitForReplyToAsync(id);
        Assert.Contains(fixture.Conversation.Messages, m => m.Text == "help");
        Assert.StartsWith("Bearer fake-bot-token-", calls.Authorization, StringComparison.Ordinal);
    }

    private async Task<RecordedCall> WaitForReplyToAsync(string activityId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var call = Fake.ConnectorCalls.FirstOrDefault(c => c.RawTarget.EndsWith("/activities/" + activityId, StringComparison.Ordinal));
            if (call is not null) return call;
            await Task.Delay(20);
        }
        throw new TimeoutException("no reply to " + activityId);
    }

    private string Valid() => "Bearer " + TestTokens.Sign(TestTokens.Claims(Fake.ServiceUrl, fixture.Clock.GetUtcNow()), Fake.Key, Fake.KeyId);

    private string? Forge(string scenario, JsonObject claims, JsonObject activity)
    {
        var now = fixture.Clock.GetUtcNow();
        using var stranger = RSA.Create(2048);
        switch (scenario)
        {
            case "no header": return null;
            case "wrong scheme": return "Basic " + Convert.ToBase64String("app:secret"u8.ToArray());
            case "alg none": return "Bearer " + TestTokens.Unsigned(claims, Fake.KeyId);
            case "HS256 with the public key": return "Bearer " + TestTokens.Hmac(claims, Fake.KeyId, Fake.Key.ExportRSAPublicKey());
            case "unknown kid": return "Bearer " + TestTokens.Sign(claims, stranger, "ghost-kid");
            case "bad signature": return "Bearer " + TestTokens.Sign(claims, stranger, Fake.KeyId);
            case "expired":
                claims["nbf"] = now.AddHours(-2).ToUnixTimeSeconds();
                claims["exp"] = now.AddMinutes(-6).ToUnixTimeSeconds();
                break;
            case "not yet valid": claims["nbf"] = now.AddMinutes(6).ToUnixTimeSeconds(); break;
            case "wrong issuer": claims["iss"] = "https://sts.windows.net/evil/"; break;
            case "wrong audience": claims["aud"] = "11111111-2222-3333-4444-555555555555"; break;
            case "missing endorsement":
                // A genuine published key, but endorsed for another channel only.
                var other = RSA.Create(2048);
                Fake.PublishKey("skype-only", other, "skype");
                fixture.Clock.Advance(TimeSpan.FromMinutes(2));
                return "Bearer " + TestTokens.Sign(TestTokens.Claims(Fake.ServiceUrl, fixture.Clock.GetUtcNow()), other, "skype-only");
            case "serviceUrl mismatch": claims["serviceurl"] = "https://smba.trafficmanager.net/emea/other/"; break;
            case "malformed token": return "Bearer abc.def";
            case "tampered payload":
                var genuine = TestTokens.Sign(claims, Fake.Key, Fake.KeyId).Split('.');
                claims["aud"] = TestTokens.AppId;
                claims["serviceurl"] = "https://evil.example/";
                return "Bearer " + genuine[0] + "." + TestTokens.Encode(claims) + "." + genuine[2];
            case "no exp": claims.Remove("exp"); break;
            case "channel not endorsed": activity["channelId"] = "directline"; break;
            case "token for another service in body": activity["serviceUrl"] = "https://evil.example/amer/"; break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown scenario");
        }
        return "Bearer " + TestTokens.Sign(claims, Fake.Key, Fake.KeyId);
    }

    private (int Conversation, int Connector) Snapshot() => (fixture.Conversation.Total, Fake.ConnectorCalls.Count);

    private async Task AssertNothingChangedAsync((int Conversation, int Connector) before)
    {
        // Work is done after the acknowledgement: give a wrongly accepted request the time to show.
        await Task.Delay(150);
        Assert.Equal(before, Snapshot());
    }
}
