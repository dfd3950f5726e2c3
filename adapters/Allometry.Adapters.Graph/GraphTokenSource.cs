namespace Allometry.Adapters.Graph;

using System.Collections.Concurrent;
using System.Text.Json;

/// <summary>App-only Graph tokens (client credentials), one per tenant, cached until shortly before they expire.</summary>
internal sealed class GraphTokenSource(HttpClient http, GraphOptions options, TimeProvider time)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset RenewAt)> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<string> GetTokenAsync(string realm, CancellationToken ct)
    {
        var tenant = options.TenantId ?? realm;
        if (_cache.TryGetValue(tenant, out var cached) && time.GetUtcNow() < cached.RenewAt) return cached.Token;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_cache.TryGetValue(tenant, out cached) && time.GetUtcNow() < cached.RenewAt) return cached.Token;
            var (token, lifetime) = await RequestAsync(tenant, ct).ConfigureAwait(false);
            _cache[tenant] = (token, time.GetUtcNow() + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(string tenant, CancellationToken ct)
    {
        var endpoint = new Uri(options.TokenEndpoint.Replace("{tenant}", Uri.EscapeDataString(tenant), StringComparison.Ordinal));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
            ["scope"] = options.Scope,
        });
        using var response = await http.PostAsync(endpoint, form, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new GraphUnavailableException($"The Graph token endpoint answered {(int)response.StatusCode} for tenant {tenant}.");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        if (!json.RootElement.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String)
        {
            throw new GraphUnavailableException("The Graph token response has no access_token.");
        }
        var seconds = json.RootElement.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 3600;
        return (token.GetString()!, TimeSpan.FromSeconds(Math.Max(seconds, 60)));
    }
}
