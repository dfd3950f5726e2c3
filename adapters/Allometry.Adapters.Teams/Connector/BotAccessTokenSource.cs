namespace Allometry.Adapters.Teams.Connector;

using System.Net;
using System.Text.Json;
using Allometry.Core.Cards;

/// <summary>
/// The bot's outbound token (OAuth client credentials against the <c>botframework.com</c> tenant for
/// multi-tenant bots or the bot's own tenant for single-tenant ones), cached until shortly before it expires.
/// </summary>
/// <seealso href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#bot-to-connector"/>
internal sealed class BotAccessTokenSource(HttpClient http, TeamsOptions options, TimeProvider time)
{
    // Renew early so a token never expires between being read and being used.
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    /// <summary>How many tokens were requested (diagnostics and tests).</summary>
    public int RequestCount { get; private set; }

    /// <summary>The bearer token, or null in local mode (the emulator and Direct Line fakes accept none).</summary>
    /// <exception cref="ChannelDeliveryException">The token endpoint refused (permanent) or failed (transient).</exception>
    public async Task<string?> GetTokenAsync(CancellationToken ct)
    {
        if (options.IsLocalMode) return null;
        if (_cached is { } fresh && time.GetUtcNow() < fresh.RenewAt) return fresh.Token;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_cached is { } other && time.GetUtcNow() < other.RenewAt) return other.Token;
            var (token, lifetime) = await RequestAsync(ct).ConfigureAwait(false);
            var renewIn = lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2;
            _cached = (token, time.GetUtcNow() + renewIn);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token (after the connector answered 401 with it).</summary>
    public void Invalidate() => _cached = null;

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(CancellationToken ct)
    {
        RequestCount++;
        var tenant = options.TenantMode == TenantMode.Single ? options.TenantId! : "botframework.com";
        var endpoint = new Uri(options.TokenEndpoint.Replace("{tenant}", Uri.EscapeDataString(tenant), StringComparison.Ordinal));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.AppId!,
            ["client_secret"] = options.AppPassword!,
            ["scope"] = options.TokenScope,
        });
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(endpoint, form, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelDeliveryException("token_unreachable", permanent: false, inner: ex);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // 400/401 mean a wrong id or secret: retrying the same credentials cannot help.
                var permanent = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized;
                throw new ChannelDeliveryException("token_" + (int)response.StatusCode, permanent);
            }
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            var root = json.RootElement;
            if (!root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String)
            {
                throw new ChannelDeliveryException("token_response_without_access_token", permanent: false);
            }
            var seconds = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 3600;
            return (token.GetString()!, TimeSpan.FromSeconds(Math.Max(seconds, 60)));
        }
    }
}
