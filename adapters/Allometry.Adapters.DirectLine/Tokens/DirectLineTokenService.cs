namespace Allometry.Adapters.DirectLine.Tokens;

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

/// <summary>
/// Issues and checks the bearer tokens Web Chat presents. A token is <c>payload.signature</c>, both
/// base64url; the payload names the user (the client can never choose who it speaks as) and, once
/// the conversation exists, the conversation it may read and write.
/// </summary>
internal sealed class DirectLineTokenService
{
    private readonly byte[] key;
    private readonly TimeProvider time;
    private readonly TimeSpan lifetime;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var o = options.Value;
        key = string.IsNullOrWhiteSpace(o.TokenSigningKey) ? RandomNumberGenerator.GetBytes(32) : DecodeKey(o.TokenSigningKey);
        this.time = time;
        lifetime = TimeSpan.FromSeconds(o.TokenLifetimeSeconds);
    }

    public TimeSpan Lifetime => lifetime;

    public string Issue(string userId, string userName, string? conversationId)
    {
        var payload = new Payload(userId, userName, conversationId, time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds());
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return body + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body)));
    }

    /// <summary>The token's grant, or null when it is malformed, forged or expired.</summary>
    public DirectLineToken? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1)
        {
            return null;
        }
        var body = token[..dot];
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body), expected);
        byte[] signature;
        try
        {
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return null;
        }
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(body));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
        if (payload is null || string.IsNullOrEmpty(payload.U))
        {
            return null;
        }
        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.E);
        return expires <= time.GetUtcNow() ? null : new DirectLineToken(payload.U, payload.N ?? payload.U, payload.C, expires);
    }

    private static byte[] DecodeKey(string text)
    {
        var bytes = Convert.FromBase64String(text);
        return bytes.Length >= 32
            ? bytes
            : throw new InvalidOperationException("DirectLine:TokenSigningKey must be base64 of at least 32 bytes / doit être en base64 d'au moins 32 octets.");
    }

    private sealed record Payload(string U, string? N, string? C, long E);
}
