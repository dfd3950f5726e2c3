namespace Allometry.Adapters.Graph;

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Allometry.Core.People;
using Microsoft.Extensions.Logging;

/// <summary>
/// The Teams directory through Microsoft Graph: a user's verified mail, name and preferred language
/// (<c>GET /users/{id}</c>, to link a Teams user to an internal user) and their manager
/// (<c>GET /users/{id}/manager</c>, for escalate-to-manager). Where Graph refuses the manager call (app-only
/// permission is not supported for it everywhere) the answer is null and the core uses the tenant's
/// escalation map. Answers, refusals included, are cached for <see cref="GraphOptions.CacheDuration"/>.
/// </summary>
/// <seealso href="https://learn.microsoft.com/graph/api/user-list-manager"/>
internal sealed class GraphDirectory(GraphClient graph, GraphOptions options, TimeProvider time, ILogger<GraphDirectory> logger) : IDirectory
{
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, (object? Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public Platform Platform => Platform.Teams;

    public Task<DirectoryUser?> FindUserAsync(PlatformIdentity identity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.Platform != Platform.Teams) return Task.FromResult<DirectoryUser?>(null);
        return CachedAsync("user", identity, async () =>
        {
            var response = await graph.GetAsync(identity.Realm,
                "users/" + Uri.EscapeDataString(identity.UserId) + "?$select=id,displayName,mail,userPrincipalName,preferredLanguage", ct).ConfigureAwait(false);
            if (response.Body is not { } user)
            {
                LogRefusal(response.Status, "user");
                return null;
            }
            return new DirectoryUser(Text(user, "mail"), Text(user, "displayName") ?? identity.UserId, Text(user, "preferredLanguage"));
        });
    }

    public Task<string?> FindManagerEmailAsync(PlatformIdentity identity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.Platform != Platform.Teams) return Task.FromResult<string?>(null);
        return CachedAsync("manager", identity, async () =>
        {
            var response = await graph.GetAsync(identity.Realm,
                "users/" + Uri.EscapeDataString(identity.UserId) + "/manager?$select=mail,userPrincipalName", ct).ConfigureAwait(false);
            if (response.Body is not { } manager)
            {
                LogRefusal(response.Status, "manager");
                return null;
            }
            return Text(manager, "mail");
        });
    }

    private async Task<T?> CachedAsync<T>(string kind, PlatformIdentity identity, Func<Task<T?>> fetch) where T : class
    {
        var key = kind + "|" + identity.Realm + "|" + identity.UserId;
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var hit) && now < hit.Until) return (T?)hit.Value;
        var value = await fetch().ConfigureAwait(false);
        // A crude bound: directories are small, and a full cache only costs refetches.
        if (_cache.Count >= MaxCached) _cache.Clear();
        _cache[key] = (value, now + options.CacheDuration);
        return value;
    }

    private void LogRefusal(HttpStatusCode status, string what)
    {
        if (status == HttpStatusCode.Forbidden)
        {
            logger.LogInformation("Graph refused the {What} lookup (403); the tenant's escalation map applies", what);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
