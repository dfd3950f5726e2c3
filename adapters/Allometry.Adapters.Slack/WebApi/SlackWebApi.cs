namespace Allometry.Adapters.Slack.WebApi;

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.BlockKit;

/// <summary>The Web API methods the adapter calls, typed; each throws <see cref="SlackApiException"/> on <c>ok:false</c>.</summary>
internal sealed partial class SlackWebApi(SlackWebApiClient client, ChannelPostThrottle throttle)
{
    /// <summary>Posts a message; returns its <c>ts</c>. Paced to one post per second per channel.</summary>
    public Task<string> PostMessageAsync(string token, string channel, BlockKitMessage message, string? threadTs, CancellationToken ct) =>
        PostMessageAsync(token, channel, message, threadTs, metadata: null, ct);

    /// <summary>
    /// Posts a message carrying <paramref name="metadata"/> (<c>event_type</c>, <c>event_payload</c>:
    /// invisible to people, returned by <c>conversations.history</c>); returns its <c>ts</c>.
    /// </summary>
    public async Task<string> PostMessageAsync(string token, string channel, BlockKitMessage message, string? threadTs, JsonObject? metadata, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await throttle.WaitTurnAsync(channel, ct).ConfigureAwait(false);
        var body = Message(message);
        body["channel"] = channel;
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }
        if (metadata is not null)
        {
            body["metadata"] = metadata.DeepClone();
        }
        var result = await client.CallJsonAsync(SlackSurface.ChatPostMessage, token, body, ct).ConfigureAwait(false);
        return Required(result, "ts", SlackSurface.ChatPostMessage);
    }

    public async Task UpdateAsync(string token, string channel, string ts, BlockKitMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Message(message);
        body["channel"] = channel;
        body["ts"] = ts;
        await client.CallJsonAsync(SlackSurface.ChatUpdate, token, body, ct).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string token, string channel, string ts, CancellationToken ct) =>
        await client.CallJsonAsync(SlackSurface.ChatDelete, token, new JsonObject { ["channel"] = channel, ["ts"] = ts }, ct).ConfigureAwait(false);

    /// <summary>A message only <paramref name="user"/> sees; returns its <c>message_ts</c>.</summary>
    public async Task<string?> PostEphemeralAsync(string token, string channel, string user, BlockKitMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Message(message);
        body["channel"] = channel;
        body["user"] = user;
        var result = await client.CallJsonAsync(SlackSurface.ChatPostEphemeral, token, body, ct).ConfigureAwait(false);
        return result["message_ts"]?.GetValue<string>();
    }

    public async Task<string> GetPermalinkAsync(string token, string channel, string ts, CancellationToken ct)
    {
        var result = await client.CallFormAsync(SlackSurface.ChatGetPermalink, Bearer(token),
            [new("channel", channel), new("message_ts", ts)], ct).ConfigureAwait(false);
        return Required(result, "permalink", SlackSurface.ChatGetPermalink);
    }

    /// <summary>Opens a modal; the trigger id is good for 3 seconds. Returns the view id.</summary>
    public async Task<string?> OpenViewAsync(string token, string triggerId, JsonObject view, CancellationToken ct)
    {
        var result = await client.CallJsonAsync(SlackSurface.ViewsOpen, token, new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, ct)
            .ConfigureAwait(false);
        return result["view"]?["id"]?.GetValue<string>();
    }

    public async Task UpdateViewAsync(string token, string viewId, JsonObject view, CancellationToken ct) =>
        await client.CallJsonAsync(SlackSurface.ViewsUpdate, token, new JsonObject { ["view_id"] = viewId, ["view"] = view }, ct).ConfigureAwait(false);

    /// <summary>The <c>user</c> object, with <c>locale</c> and (with <c>users:read.email</c>) <c>profile.email</c>.</summary>
    public async Task<JsonObject> UserInfoAsync(string token, string userId, CancellationToken ct)
    {
        var result = await client.CallFormAsync(SlackSurface.UsersInfo, Bearer(token),
            [new("user", userId), new("include_locale", "true")], ct).ConfigureAwait(false);
        return result["user"] as JsonObject ?? throw new SlackApiException(SlackSurface.UsersInfo, "invalid_response");
    }

    public async Task<JsonObject> LookupByEmailAsync(string token, string email, CancellationToken ct)
    {
        var result = await client.CallFormAsync(SlackSurface.UsersLookupByEmail, Bearer(token), [new("email", email)], ct).ConfigureAwait(false);
        return result["user"] as JsonObject ?? throw new SlackApiException(SlackSurface.UsersLookupByEmail, "invalid_response");
    }

    public async Task<JsonObject> ConversationInfoAsync(string token, string channel, CancellationToken ct)
    {
        var result = await client.CallFormAsync(SlackSurface.ConversationsInfo, Bearer(token), [new("channel", channel)], ct).ConfigureAwait(false);
        return result["channel"] as JsonObject ?? throw new SlackApiException(SlackSurface.ConversationsInfo, "invalid_response");
    }

    /// <summary>Exchanges an install code (client credentials in HTTP Basic, as Slack prefers).</summary>
    public async Task<JsonObject> OAuthAccessAsync(string clientId, string clientSecret, string code, string redirectUri, CancellationToken ct)
    {
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + clientSecret)));
        return await client.CallFormAsync(SlackSurface.OAuthV2Access, basic, [new("code", code), new("redirect_uri", redirectUri)], ct)
            .ConfigureAwait(false);
    }

    /// <summary>A fresh Socket Mode WebSocket URL (single use).</summary>
    public async Task<Uri> OpenConnectionAsync(string appToken, CancellationToken ct)
    {
        var result = await client.CallFormAsync(SlackSurface.AppsConnectionsOpen, Bearer(appToken), [], ct).ConfigureAwait(false);
        var url = Required(result, "url", SlackSurface.AppsConnectionsOpen);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw new SlackApiException(SlackSurface.AppsConnectionsOpen, "invalid_url");
    }

    public Task PostToResponseUrlAsync(Uri responseUrl, JsonObject body, CancellationToken ct) => client.PostToResponseUrlAsync(responseUrl, body, ct);

    /// <summary>A message body: <c>text</c> (notifications, fallback) and <c>blocks</c>.</summary>
    public static JsonObject Message(BlockKitMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject { ["text"] = message.Text, ["blocks"] = message.Blocks.DeepClone() };
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private static string Required(JsonObject result, string key, string method) =>
        result[key]?.GetValue<string>() ?? throw new SlackApiException(method, "invalid_response");
}
