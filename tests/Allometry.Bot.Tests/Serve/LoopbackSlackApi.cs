namespace Allometry.Bot.Tests.Serve;

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// A loopback Slack Web API for host processes: <c>chat.postMessage</c> is recorded the moment it
/// arrives (with the caller's bot token and the post key of its metadata) and answered only after
/// <see cref="PostLatency"/> — so a host killed meanwhile leaves a post that landed but was never
/// acknowledged, exactly the case a crash produces; <c>conversations.history</c> answers from the
/// recorded posts as Slack does (newest first, <c>oldest</c>, <c>limit</c>, cursor paging,
/// metadata only with <c>include_all_metadata</c>); <c>chat.update</c> is recorded.
/// </summary>
internal sealed class LoopbackSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Post> _posts = new();
    private readonly ConcurrentQueue<(string Method, string Token)> _calls = new();
    private long _ts;

    private LoopbackSlackApi(WebApplication app) => _app = app;

    /// <summary>A post as it landed: who sent it (bearer token), where, its metadata's post key, its ts.</summary>
    internal sealed record Post(string Token, string Channel, string? PostKey, string Text, string Ts, decimal TsValue)
    {
        /// <summary>True while the caller waits for the answer: set on arrival, cleared once answered or abandoned.</summary>
        public bool InFlight { get; set; } = true;
    }

    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>How long <c>chat.postMessage</c> waits between recording a post and answering it.</summary>
    public TimeSpan PostLatency { get; init; } = TimeSpan.FromMilliseconds(300);

    public IReadOnlyList<Post> Posts => [.. _posts];

    public IReadOnlyList<(string Method, string Token)> Calls => [.. _calls];

    public static async Task<LoopbackSlackApi> StartAsync(TimeSpan postLatency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new LoopbackSlackApi(app) { PostLatency = postLatency };
        app.MapPost("/api/{method}", (HttpContext context, string method) => fake.HandleAsync(context, method));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.ApiBaseUrl = new Uri(address + "/api/");
        return fake;
    }

    private async Task HandleAsync(HttpContext context, string method)
    {
        var token = context.Request.Headers.Authorization.ToString();
        if (!token.StartsWith("Bearer xoxb-", StringComparison.Ordinal))
        {
            await JsonAsync(context, new JsonObject { ["ok"] = false, ["error"] = "not_authed" }).ConfigureAwait(false);
            return;
        }
        token = token["Bearer ".Length..];
        _calls.Enqueue((method, token));
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        switch (method)
        {
            case "chat.postMessage":
                var post = Record(token, body);
                try
                {
                    await Task.Delay(PostLatency, context.RequestAborted).ConfigureAwait(false);
                    await JsonAsync(context, new JsonObject { ["ok"] = true, ["channel"] = post.Channel, ["ts"] = post.Ts }).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                    // The caller died (SIGKILL) or gave up before the answer: the post stays, unacknowledged.
                }
                finally
                {
                    post.InFlight = false;
                }
                return;
            case "chat.update":
                await JsonAsync(context, new JsonObject { ["ok"] = true, ["channel"] = body["channel"]?.GetValue<string>(), ["ts"] = body["ts"]?.GetValue<string>() })
                    .ConfigureAwait(false);
                return;
            case "conversations.history":
                await JsonAsync(context, History(body)).ConfigureAwait(false);
                return;
            default:
                await JsonAsync(context, new JsonObject { ["ok"] = false, ["error"] = "unknown_method" }).ConfigureAwait(false);
                return;
        }
    }

    private Post Record(string token, JsonObject body)
    {
        var micros = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        long taken;
        while (true)
        {
            var last = Interlocked.Read(ref _ts);
            taken = Math.Max(micros, last + 1);
            if (Interlocked.CompareExchange(ref _ts, taken, last) == last) break;
        }
        var ts = string.Create(CultureInfo.InvariantCulture, $"{taken / 1_000_000}.{taken % 1_000_000:D6}");
        var key = body["metadata"]?["event_type"]?.GetValue<string>() == "allometry_card"
            ? body["metadata"]?["event_payload"]?["post_key"]?.GetValue<string>()
            : null;
        var post = new Post(token, body["channel"]?.GetValue<string>() ?? "", key, body["text"]?.GetValue<string>() ?? "", ts, taken / 1_000_000m);
        _posts.Enqueue(post);
        return post;
    }

    private JsonObject History(JsonObject body)
    {
        string? Field(string key) => body[key]?.GetValue<string>();
        var channel = Field("channel");
        var oldest = Field("oldest") is { } o ? decimal.Parse(o, CultureInfo.InvariantCulture) : 0m;
        var limit = Field("limit") is { } l ? int.Parse(l, CultureInfo.InvariantCulture) : 100;
        var withMetadata = Field("include_all_metadata") is "true" or "1";
        var before = Field("cursor") is { Length: > 0 } cursor
            ? decimal.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor))["next_ts:".Length..], CultureInfo.InvariantCulture)
            : decimal.MaxValue;
        var matching = _posts.Where(p => p.Channel == channel && p.TsValue > oldest && p.TsValue <= before).OrderByDescending(p => p.TsValue).ToList();
        var page = new JsonArray();
        foreach (var post in matching.Take(limit))
        {
            var message = new JsonObject { ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = "B0ALLOMETRY", ["text"] = post.Text, ["ts"] = post.Ts };
            if (withMetadata && post.PostKey is not null)
            {
                message["metadata"] = new JsonObject { ["event_type"] = "allometry_card", ["event_payload"] = new JsonObject { ["post_key"] = post.PostKey } };
            }
            page.Add(message);
        }
        var hasMore = matching.Count > limit;
        return new JsonObject
        {
            ["ok"] = true, ["messages"] = page, ["has_more"] = hasMore,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = hasMore ? Convert.ToBase64String(Encoding.UTF8.GetBytes("next_ts:" + matching[limit].Ts)) : "" },
        };
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }
        var form = new JsonObject();
        foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text)) form[key] = value.ToString();
        return form;
    }

    private static Task JsonAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
