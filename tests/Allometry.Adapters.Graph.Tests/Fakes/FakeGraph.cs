namespace Allometry.Adapters.Graph.Tests.Fakes;

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// Microsoft Graph and its token endpoint on loopback: <c>/v1.0/users/{id}</c> and <c>/manager</c> answer from
/// <see cref="Users"/>/<see cref="Managers"/> in Graph's JSON shape; scripted 429s (with Retry-After) and 403s.
/// </summary>
internal sealed class FakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tokens;

    private FakeGraph(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Dictionary<string, JsonObject> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>User id → the manager's user object; absent → 404; <see cref="ManagerForbidden"/> → 403.</summary>
    public Dictionary<string, JsonObject> Managers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool ManagerForbidden { get; set; }

    public ConcurrentQueue<string> ThrottleRetryAfter { get; } = new();

    public ConcurrentQueue<(string Target, string Authorization)> Requests { get; } = new();

    public ConcurrentQueue<(string Tenant, IReadOnlyDictionary<string, string> Form)> TokenRequests { get; } = new();

    public static async Task<FakeGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGraph(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return fake;
    }

    public Dictionary<string, string?> Config(string? tenantId = null) => new()
    {
        ["Graph:ClientId"] = "graph-client",
        ["Graph:ClientSecret"] = "graph-secret-not-real",
        ["Graph:TenantId"] = tenantId,
        ["Graph:BaseUrl"] = BaseUrl + "v1.0",
        ["Graph:TokenEndpoint"] = BaseUrl + "{tenant}/oauth2/v2.0/token",
        ["Graph:RetryMaxDelay"] = "00:00:05",
    };

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var form = await context.Request.ReadFormAsync();
            TokenRequests.Enqueue((path.Split('/')[1], form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3599,
                ["access_token"] = "graph-token-" + Interlocked.Increment(ref _tokens),
            });
            return;
        }
        Requests.Enqueue((path + context.Request.QueryString, context.Request.Headers.Authorization.ToString()));
        if (ThrottleRetryAfter.TryDequeue(out var retryAfter))
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = retryAfter;
            await context.Response.WriteAsJsonAsync(Error("TooManyRequests"));
            return;
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["v1.0", "users", var id])
        {
            await AnswerAsync(context, Users.GetValueOrDefault(Uri.UnescapeDataString(id)));
            return;
        }
        if (parts is ["v1.0", "users", var user, "manager"])
        {
            if (ManagerForbidden)
            {
                context.Response.StatusCode = 403;
                await context.Response.WriteAsJsonAsync(Error("Authorization_RequestDenied"));
                return;
            }
            await AnswerAsync(context, Managers.GetValueOrDefault(Uri.UnescapeDataString(user)));
            return;
        }
        context.Response.StatusCode = 400;
    }

    private static async Task AnswerAsync(HttpContext context, JsonObject? body)
    {
        if (body is null)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsJsonAsync(Error("Request_ResourceNotFound"));
            return;
        }
        await context.Response.WriteAsJsonAsync(body);
    }

    private static JsonObject Error(string code) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = "fake" } };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
