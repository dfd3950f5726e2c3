namespace Allometry.Benchmarks.SlackAck;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>The Web API side of Slack on loopback, answering every method <c>ok:true</c>; it counts calls so the run can say the work was done.</summary>
internal sealed class LoopbackSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _byMethod = new(StringComparer.Ordinal);
    private long _calls;

    private LoopbackSlack(WebApplication app) => _app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Calls per Web API method, e.g. "chat.update 120, chat.postEphemeral 3".</summary>
    public string ByMethod => string.Join(", ", _byMethod.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}"));

    public static async Task<LoopbackSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new LoopbackSlack(app);
        app.MapPost("/api/{method}", async (HttpContext context, string method) =>
        {
            Interlocked.Increment(ref slack._calls);
            slack._byMethod.AddOrUpdate(method, 1, (_, n) => n + 1);
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"ok":true,"channel":"C0FINANCE","ts":"1763700000.000100","message_ts":"1763700000.000200","view":{"id":"V1"}}""");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        slack.ApiBaseUrl = new Uri(address + "/api/");
        return slack;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
