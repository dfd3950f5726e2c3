namespace Allometry.Adapters.DirectLine.Tests.Endpoints;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

public sealed class DirectLineConversationTests : IAsyncLifetime
{
    private DirectLineTestHost host = null!;

    public async Task InitializeAsync() => host = await DirectLineTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task PostActivity_Message_BotReplyArrivesByPollingAfterTheEcho()
    {
        var (conversationId, token) = await GenerateAsync("marie.tremblay@borealis.example", "Marie Tremblay");

        var id = await PostAsync(conversationId, token, new JsonObject { ["type"] = "message", ["text"] = "hello" });
        var (activities, watermark) = await GetAsync(conversationId, token, null);

        Assert.StartsWith(conversationId + "|", id, StringComparison.Ordinal);
        Assert.Collection(activities,
            a => Assert.Equal(("hello", "user"), ((string?)a["text"], (string?)a["from"]!["role"])),
            a => Assert.Equal(("hi Marie Tremblay", "bot", id), ((string?)a["text"], (string?)a["from"]!["role"], (string?)a["replyToId"])));
        Assert.Equal("2", watermark);
        var (later, _) = await GetAsync(conversationId, token, watermark);
        Assert.Empty(later);
    }

    [Fact]
    public async Task PostActivity_ClientClaimsAnotherUser_BotSeesTheTokensUser()
    {
        var (conversationId, token) = await GenerateAsync("priya.natarajan@borealis.example", "Priya Natarajan");

        await PostAsync(conversationId, token, new JsonObject
        {
            ["type"] = "message", ["text"] = "hello", ["from"] = new JsonObject { ["id"] = "claire.bouchard@borealis.example" },
            ["serviceUrl"] = "http://evil.example/",
        });

        var received = Assert.Single(host.BotInbox);
        Assert.Equal("priya.natarajan@borealis.example", (string?)received["from"]!["id"]);
        Assert.Equal("directline", (string?)received["channelId"]);
        Assert.StartsWith(host.BaseAddress.ToString(), (string?)received["serviceUrl"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_SubmitFromACard_BotGetsReplyToIdAndTheCardIsReplacedInPlace()
    {
        var (conversationId, token) = await GenerateAsync("marie.tremblay@borealis.example", "Marie Tremblay");
        await PostAsync(conversationId, token, new JsonObject { ["type"] = "message", ["text"] = "card" });
        var (before, watermark) = await GetAsync(conversationId, token, null);
        var card = before[1];

        await PostAsync(conversationId, token, new JsonObject
        {
            ["type"] = "message",
            ["value"] = new JsonObject { ["verb"] = "snooze", ["exception"] = "42", ["version"] = "3", ["days"] = "3", ["reason"] = "cheque" },
        });
        var (after, _) = await GetAsync(conversationId, token, watermark);

        Assert.Equal((string?)card["id"], (string?)host.BotInbox.Last()["replyToId"]);
        var updated = Assert.Single(after, a => (string?)a["from"]!["role"] == "bot");
        Assert.Equal((string?)card["id"], (string?)updated["id"]);
        Assert.Equal((string?)card["timestamp"], (string?)updated["timestamp"]);
        Assert.Equal("Snoozed / Reporté", (string?)updated["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task PostActivity_SubmitMatchingNoCard_HasNoReplyToId()
    {
        var (conversationId, token) = await GenerateAsync("marie.tremblay@borealis.example", "Marie Tremblay");
        await PostAsync(conversationId, token, new JsonObject { ["type"] = "message", ["text"] = "card" });

        await PostAsync(conversationId, token, new JsonObject
        {
            ["type"] = "message", ["value"] = new JsonObject { ["verb"] = "snooze", ["exception"] = "42", ["version"] = "2" },
        });

        Assert.Null(host.BotInbox.Last()["replyToId"]);
    }

    [Fact]
    public async Task Stream_WebSocket_PushesTheBotsReply()
    {
        var (conversationId, token) = await GenerateAsync("marie.tremblay@borealis.example", "Marie Tremblay");
        using var start = Authorized(HttpMethod.Post, "v3/directline/conversations", token);
        using var started = await host.Client.SendAsync(start);
        var streamUrl = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);

        await PostAsync(conversationId, token, new JsonObject { ["type"] = "message", ["text"] = "hello" });
        var texts = new List<string?>();
        var buffer = new byte[64 * 1024];
        while (!texts.Contains("hi Marie Tremblay"))
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            var frame = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!;
            texts.AddRange(frame["activities"]!.AsArray().Select(a => (string?)a!["text"]));
        }

        Assert.Equal(["hello", "hi Marie Tremblay"], texts);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Requests_WithoutOrWithForeignToken_AreRefusedAndChangeNothing()
    {
        var (conversationId, token) = await GenerateAsync("marie.tremblay@borealis.example", "Marie Tremblay");
        var (_, otherToken) = await GenerateAsync("priya.natarajan@borealis.example", "Priya Natarajan");
        var message = new JsonObject { ["type"] = "message", ["text"] = "hello" };

        var statuses = new List<HttpStatusCode>();
        foreach (var bearer in new[] { null, otherToken, token[..^2] + "xx", "garbage" })
        {
            using var request = Authorized(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", bearer);
            request.Content = JsonContent.Create(message);
            using var response = await host.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        using var read = Authorized(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", otherToken);
        using var readResponse = await host.Client.SendAsync(read);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.Equal(HttpStatusCode.Forbidden, readResponse.StatusCode);
        Assert.Empty(host.BotInbox);
        var (activities, _) = await GetAsync(conversationId, token, null);
        Assert.Empty(activities);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task GenerateToken_WithoutTheSecret_IsForbidden(string? secret)
    {
        using var request = Authorized(HttpMethod.Post, "v3/directline/tokens/generate", secret);
        request.Content = JsonContent.Create(new JsonObject { ["user"] = new JsonObject { ["id"] = "u" } });

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_NotJsonOrTooLarge_IsRejectedBeforeTheBot()
    {
        var (conversationId, token) = await GenerateAsync("marie.tremblay@borealis.example", "Marie Tremblay");
        using var notJson = Authorized(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token);
        notJson.Content = new StringContent("{not json", Encoding.UTF8, "application/json");
        using var tooLarge = Authorized(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token);
        tooLarge.Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["text"] = new string('x', 70_000) });

        using var notJsonResponse = await host.Client.SendAsync(notJson);
        using var tooLargeResponse = await host.Client.SendAsync(tooLarge);

        Assert.Equal(HttpStatusCode.BadRequest, notJsonResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLargeResponse.StatusCode);
        Assert.Empty(host.BotInbox);
    }

    [Fact]
    public async Task Connector_UpdateOfUnknownActivity_IsNotFound()
    {
        var (conversationId, _) = await GenerateAsync("marie.tremblay@borealis.example", "Marie Tremblay");

        using var response = await host.Client.PutAsJsonAsync(
            $"directline/connector/v3/conversations/{conversationId}/activities/{Uri.EscapeDataString(conversationId + "|0000099")}",
            new JsonObject { ["type"] = "message", ["text"] = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RefreshToken_ValidToken_KeepsTheConversation()
    {
        var (conversationId, token) = await GenerateAsync("marie.tremblay@borealis.example", "Marie Tremblay");

        using var request = Authorized(HttpMethod.Post, "v3/directline/tokens/refresh", token);
        using var response = await host.Client.SendAsync(request);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(conversationId, (string?)body["conversationId"]);
        await PostAsync(conversationId, (string)body["token"]!, new JsonObject { ["type"] = "message", ["text"] = "hello" });
        Assert.Single(host.BotInbox);
    }

    private async Task<(string ConversationId, string Token)> GenerateAsync(string userId, string name)
    {
        using var request = Authorized(HttpMethod.Post, "v3/directline/tokens/generate", DirectLineTestHost.Secret);
        request.Content = JsonContent.Create(new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["name"] = name } });
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)body["conversationId"]!, (string)body["token"]!);
    }

    private async Task<string> PostAsync(string conversationId, string token, JsonObject activity)
    {
        using var request = Authorized(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token);
        request.Content = JsonContent.Create(activity);
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private async Task<(IReadOnlyList<JsonObject> Activities, string Watermark)> GetAsync(string conversationId, string token, string? watermark)
    {
        var query = watermark is null ? "" : "?watermark=" + watermark;
        using var request = Authorized(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities{query}", token);
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ([.. body["activities"]!.AsArray().Select(a => a!.AsObject())], (string)body["watermark"]!);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string? bearer)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return request;
    }
}
