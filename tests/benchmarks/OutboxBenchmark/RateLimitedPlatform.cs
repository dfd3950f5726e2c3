namespace Allometry.Benchmarks.Outbox;

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// A loopback platform that enforces the published limits like the real ones: a post to a
/// conversation sooner than its rate allows, or beyond a realm's requests per second, gets
/// HTTP 429 with Retry-After. It records when each accepted post arrived.
/// </summary>
internal sealed class RateLimitedPlatform : IAsyncDisposable
{
    // Timer and scheduling jitter on a loaded machine: a post up to this early is still accepted.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(25);

    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, TimeSpan> _lastPost = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<TimeSpan>> _realmWindow = new(StringComparer.Ordinal);
    private readonly double _perConversation;
    private readonly double? _perRealm;
    private int _throttled;

    private RateLimitedPlatform(WebApplication app, double perConversation, double? perRealm)
    {
        _app = app;
        _perConversation = perConversation;
        _perRealm = perRealm;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<(string Conversation, TimeSpan At)> Accepted { get; } = new();

    public int Throttled => _throttled;

    public static async Task<RateLimitedPlatform> StartAsync(double perConversation, double? perRealm)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var platform = new RateLimitedPlatform(app, perConversation, perRealm);
        app.MapPost("/{realm}/{conversation}/messages", (string realm, string conversation, HttpContext context) => platform.Post(realm, conversation, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        platform.BaseAddress = new Uri(address);
        return platform;
    }

    private async Task<IResult> Post(string realm, string conversation, HttpContext context)
    {
        // Read the rendered card as a platform would, then decide.
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var now = _clock.Elapsed;
        var key = realm + "/" + conversation;
        var interval = TimeSpan.FromSeconds(1 / _perConversation);
        lock (_lastPost)
        {
            if (_lastPost.TryGetValue(key, out var last) && now - last < interval - Tolerance)
                return Throttle(interval - (now - last));
            if (_perRealm is { } perRealm)
            {
                var window = _realmWindow.GetOrAdd(realm, _ => new Queue<TimeSpan>());
                while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromSeconds(1)) window.Dequeue();
                if (window.Count >= perRealm) return Throttle(TimeSpan.FromSeconds(1) - (now - window.Peek()));
                window.Enqueue(now);
            }
            _lastPost[key] = now;
        }
        Accepted.Enqueue((key, now));
        return Results.Json(new { ok = true, ts = $"{now.Ticks}.{Guid.NewGuid():N}" });
    }

    private IResult Throttle(TimeSpan wait)
    {
        Interlocked.Increment(ref _throttled);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return new RetryAfterResult(Results.Text("{\"ok\":false,\"error\":\"ratelimited\"}", "application/json", statusCode: 429), seconds);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class RetryAfterResult(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
