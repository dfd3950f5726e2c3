namespace Allometry.Adapters.Slack.Tests.Fakes;

using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// A loopback Slack speaking the real wire format: Web API methods under <c>/api/</c> (JSON or form
/// bodies, <c>ok:false</c> errors, HTTP 429 with <c>Retry-After</c>), <c>response_url</c>s under
/// <c>/hooks/</c>, and Socket Mode WebSockets under <c>/socket/</c> (hello, envelopes, acks, disconnect).
/// Posted messages are kept per channel and read back by <c>conversations.history</c>.
/// </summary>
internal sealed partial class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _scripted = new(StringComparer.Ordinal);
    private readonly Channel<JsonObject> _acks = Channel.CreateUnbounded<JsonObject>();
    private readonly SemaphoreSlim _callArrived = new(0);
    private long _ts = 1_700_000_000_000_000;
    private WebSocket? _socket;
    private int _connections;

    private FakeSlack(WebApplication app) => _app = app;

    /// <summary>The Web API base (<c>http://127.0.0.1:port/api/</c>).</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    public Uri Root { get; private set; } = null!;

    /// <summary>Users <c>users.info</c> knows: id → (email, locale).</summary>
    public ConcurrentDictionary<string, (string Email, string Locale)> Users { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<SlackCall> Calls => [.. _calls];

    /// <summary>Socket Mode connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (HttpContext context, string method) => fake.HandleApiAsync(context, method));
        app.MapPost("/hooks/{**rest}", fake.HandleHookAsync);
        app.Map("/socket/{id}", fake.HandleSocketAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Root = new Uri(address + "/");
        fake.ApiBaseUrl = new Uri(fake.Root, "api/");
        return fake;
    }

    /// <summary>A <c>response_url</c> on this fake.</summary>
    public string ResponseUrl(string id) => new Uri(Root, "hooks/" + id).AbsoluteUri;

    /// <summary>The next call of <paramref name="method"/> answers <c>ok:false</c> with <paramref name="error"/>.</summary>
    public void FailNext(string method, string error) =>
        Script(method, context => Json(context, new JsonObject { ["ok"] = false, ["error"] = error }));

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer 429 with <c>Retry-After</c>.</summary>
    public void RateLimitNext(string method, int times, int retryAfterSeconds)
    {
        for (var i = 0; i < times; i++)
        {
            Script(method, context =>
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Json(context, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
            });
        }
    }

    /// <summary>Waits until a call matching <paramref name="match"/> arrived; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<SlackCall> WaitForAsync(Func<SlackCall, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (_calls.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            try
            {
                await _callArrived.WaitAsync(TimeSpan.FromMilliseconds(100), cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The fake Slack never saw the expected call. Calls: "
                    + string.Join(", ", _calls.Select(c => c.Method)));
            }
        }
    }

    public Task<SlackCall> WaitForAsync(string method, TimeSpan? timeout = null) => WaitForAsync(c => c.Method == method, timeout);

    /// <summary>Sends a Socket Mode frame to the connected app.</summary>
    public async Task SendFrameAsync(JsonObject frame)
    {
        var socket = _socket ?? throw new InvalidOperationException("No Socket Mode connection.");
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The next ack the app sent over Socket Mode.</summary>
    public async Task<JsonObject> NextAckAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _acks.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
    }

    /// <summary>Waits for the <paramref name="count"/>th Socket Mode connection.</summary>
    public async Task WaitForConnectionAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Connections < count || _socket is not { State: WebSocketState.Open })
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {Connections} Socket Mode connections arrived.");
            }
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket?.Abort();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _callArrived.Dispose();
    }

    private void Script(string method, Func<HttpContext, Task> answer) => _scripted.GetOrAdd(method, _ => new()).Enqueue(answer);

    private async Task HandleApiAsync(HttpContext context, string method)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        Record(new SlackCall(method, context.Request.Headers.Authorization.ToString(), body, context.Request.Path));
        if (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            await scripted(context).ConfigureAwait(false);
            return;
        }
        var auth = context.Request.Headers.Authorization.ToString();
        var authorized = method == "oauth.v2.access" ? auth.StartsWith("Basic ", StringComparison.Ordinal)
            : method == "apps.connections.open" ? auth.StartsWith("Bearer xapp-", StringComparison.Ordinal)
            : auth.StartsWith("Bearer xoxb-", StringComparison.Ordinal);
        if (!authorized)
        {
            await Json(context, new JsonObject { ["ok"] = false, ["error"] = "not_authed" }).ConfigureAwait(false);
            return;
        }
        await Json(context, Answer(method, body)).ConfigureAwait(false);
    }

    private JsonObject Answer(string method, JsonObject body)
    {
        string Ts() => NextTs();
        string? Field(string key) => body[key]?.GetValue<string>();
        switch (method)
        {
            case "chat.postMessage":
                var posted = Ts();
                Remember(Field("channel") ?? "", posted, body);
                return new JsonObject { ["ok"] = true, ["channel"] = Field("channel"), ["ts"] = posted, ["message"] = new JsonObject { ["text"] = Field("text") } };
            case "conversations.history":
                return History(body);
            case "chat.update":
            case "chat.delete":
                return new JsonObject { ["ok"] = true, ["channel"] = Field("channel"), ["ts"] = Field("ts") };
            case "chat.postEphemeral":
                return new JsonObject { ["ok"] = true, ["message_ts"] = Ts() };
            case "chat.getPermalink":
                return new JsonObject { ["ok"] = true, ["channel"] = Field("channel"), ["permalink"] = $"https://example.slack.com/archives/{Field("channel")}/p{Field("message_ts")?.Replace(".", "", StringComparison.Ordinal)}" };
            case "views.open":
            case "views.update":
                return new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + Interlocked.Increment(ref _ts).ToString(CultureInfo.InvariantCulture)[^8..] } };
            case "users.info":
            case "users.lookupByEmail":
                var id = Field("user") ?? Users.FirstOrDefault(u => u.Value.Email == Field("email")).Key;
                if (id is null || !Users.TryGetValue(id, out var user))
                {
                    return new JsonObject { ["ok"] = false, ["error"] = "user_not_found" };
                }
                return new JsonObject
                {
                    ["ok"] = true,
                    ["user"] = new JsonObject
                    {
                        ["id"] = id, ["name"] = id.ToLowerInvariant(), ["real_name"] = "User " + id, ["is_bot"] = false, ["locale"] = user.Locale,
                        ["profile"] = new JsonObject { ["email"] = user.Email, ["display_name"] = "User " + id },
                    },
                };
            case "conversations.info":
                return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = Field("channel"), ["name"] = "ar", ["is_archived"] = false } };
            case "oauth.v2.access":
                return Field("code") == "good-code"
                    ? new JsonObject
                    {
                        ["ok"] = true, ["access_token"] = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", ["token_type"] = "bot",
                        ["scope"] = "chat:write,commands", ["bot_user_id"] = "U0KRQLJ9H", ["app_id"] = "A0KRD7HC3",
                        ["team"] = new JsonObject { ["name"] = "Slack Softball Team", ["id"] = "T9TK3CUKW" },
                        ["enterprise"] = null, ["authed_user"] = new JsonObject { ["id"] = "U1234" },
                    }
                    : new JsonObject { ["ok"] = false, ["error"] = "invalid_code" };
            case "apps.connections.open":
                return new JsonObject { ["ok"] = true, ["url"] = $"ws://{Root.Authority}/socket/{Interlocked.Increment(ref _ts)}" };
            default:
                return new JsonObject { ["ok"] = false, ["error"] = "unknown_method" };
        }
    }

    private async Task HandleHookAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        Record(new SlackCall("response_url", null, body, context.Request.Path));
        if (_scripted.TryGetValue("response_url", out var queue) && queue.TryDequeue(out var scripted))
        {
            await scripted(context).ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("ok").ConfigureAwait(false);
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        _socket = socket;
        Interlocked.Increment(ref _connections);
        var hello = new JsonObject
        {
            ["type"] = "hello", ["num_connections"] = 1,
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake", ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = "A0KRD7HC3" },
        };
        await socket.SendAsync(Encoding.UTF8.GetBytes(hello.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (JsonNode.Parse(message.ToArray()) is JsonObject ack)
                {
                    await _acks.Writer.WriteAsync(ack).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The app dropped the connection (it reconnects on disconnect).
        }
    }

    private void Record(SlackCall call)
    {
        _calls.Enqueue(call);
        _callArrived.Release();
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
        foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text))
        {
            form[key] = value.ToString();
        }
        return form;
    }

    private static Task Json(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
