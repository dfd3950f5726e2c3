namespace Allometry.Adapters.Slack.Installations;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// The OAuth <c>state</c>: a random nonce and an expiry, signed with HMAC-SHA256 under a key derived
/// from the token key. The nonce is also set in a cookie, so a callback only completes in the browser
/// that started the install (no login CSRF).
/// </summary>
internal sealed class OAuthState
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public OAuthState(byte[] tokenKey, TimeProvider time)
    {
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, tokenKey, 32, salt: [], info: Encoding.ASCII.GetBytes("allometry slack oauth state"));
        _time = time;
    }

    public static TimeSpan ValidFor => Lifetime;

    /// <summary>A new state and its nonce (for the cookie).</summary>
    public (string State, string Nonce) Issue()
    {
        var nonce = Base64Url(RandomNumberGenerator.GetBytes(16));
        var expires = (_time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = nonce + "." + expires;
        return (payload + "." + Sign(payload), nonce);
    }

    /// <summary>True when the state is ours, unexpired, and carries the cookie's nonce.</summary>
    public bool Accept(string? state, string? cookieNonce)
    {
        if (state is null || cookieNonce is null)
        {
            return false;
        }
        var parts = state.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(parts[0] + "." + parts[1]));
        var signed = CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]));
        var fresh = _time.GetUtcNow().ToUnixTimeSeconds() <= expires;
        var sameBrowser = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[0]), Encoding.ASCII.GetBytes(cookieNonce));
        return signed && fresh && sameBrowser;
    }

    private string Sign(string payload) => Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
