namespace Allometry.Adapters.Teams.Auth;

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

/// <summary>
/// The Bot Framework's signing keys: OpenID metadata → <c>jwks_uri</c> → keys, cached for
/// <see cref="TeamsOptions.KeyRefreshInterval"/> and refetched once when a token names an unknown
/// <c>kid</c> (keys rotate). Refetches on unknown kids are spaced by <see cref="UnknownKidRefetchSpacing"/> so
/// a flood of forged kids cannot turn into a flood of requests to the metadata host.
/// </summary>
internal sealed class OpenIdKeyStore(HttpClient http, TeamsOptions options, TimeProvider time, ILogger<OpenIdKeyStore> logger)
{
    public static readonly TimeSpan UnknownKidRefetchSpacing = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private KeySet? _keys;

    /// <summary>How many times the metadata was fetched (diagnostics and tests).</summary>
    public int FetchCount { get; private set; }

    /// <summary>The key with this id, or null when even a fresh fetch does not know it.</summary>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken ct)
    {
        var keys = _keys;
        var now = time.GetUtcNow();
        if (keys is null || now - keys.FetchedAt >= options.KeyRefreshInterval)
        {
            keys = await RefreshAsync(keys, ct).ConfigureAwait(false);
        }
        if (keys.ById.TryGetValue(keyId, out var key)) return key;
        if (now - keys.FetchedAt < UnknownKidRefetchSpacing) return null;
        keys = await RefreshAsync(keys, ct).ConfigureAwait(false);
        return keys.ById.GetValueOrDefault(keyId);
    }

    private async Task<KeySet> RefreshAsync(KeySet? seen, CancellationToken ct)
    {
        await _refreshGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Another request refreshed while this one waited: use its result.
            if (!ReferenceEquals(_keys, seen) && _keys is not null) return _keys;
            try
            {
                var fresh = await FetchAsync(ct).ConfigureAwait(false);
                _keys = fresh;
                return fresh;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidDataException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                if (_keys is { } stale)
                {
                    logger.LogWarning("Bot Framework signing keys could not be refreshed ({Reason}); keeping the cached keys", ex.Message);
                    return stale;
                }
                throw new KeySourceUnavailableException("The Bot Framework signing keys could not be fetched: " + ex.Message, ex);
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task<KeySet> FetchAsync(CancellationToken ct)
    {
        FetchCount++;
        using var metadata = await GetJsonAsync(options.OpenIdMetadataUrl, ct).ConfigureAwait(false);
        if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksProperty) || jwksProperty.ValueKind != JsonValueKind.String ||
            !Uri.TryCreate(jwksProperty.GetString(), UriKind.Absolute, out var jwksUri))
        {
            throw new InvalidDataException("the OpenID metadata has no absolute jwks_uri");
        }
        using var jwks = await GetJsonAsync(jwksUri, ct).ConfigureAwait(false);
        if (!jwks.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("the JWKS has no keys array");
        }
        var byId = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var jwk in keys.EnumerateArray())
        {
            if (ReadKey(jwk) is { } key) byId[key.KeyId] = key;
        }
        logger.LogInformation("Fetched {Count} Bot Framework signing keys", byId.Count);
        return new KeySet(byId, time.GetUtcNow());
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken ct)
    {
        using var response = await http.GetAsync(uri, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
    }

    // Only RSA keys with a kid, a modulus and an exponent can verify RS256/384/512; others are skipped.
    private static SigningKey? ReadKey(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object) return null;
        var kty = Text(jwk, "kty");
        var kid = Text(jwk, "kid");
        var n = Text(jwk, "n");
        var e = Text(jwk, "e");
        if (kty != "RSA" || kid is null || n is null || e is null) return null;
        if (Text(jwk, "use") is { } use && use != "sig") return null;
        byte[] modulus;
        byte[] exponent;
        try
        {
            modulus = Base64Url.DecodeFromChars(n);
            exponent = Base64Url.DecodeFromChars(e);
        }
        catch (FormatException)
        {
            return null;
        }
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = exponent });
        var endorsements = jwk.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
            : [];
        return new SigningKey(kid, rsa, endorsements);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record KeySet(IReadOnlyDictionary<string, SigningKey> ById, DateTimeOffset FetchedAt);
}
