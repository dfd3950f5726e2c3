namespace Allometry.Adapters.Teams.Auth;

using System.Buffers.Text;
using System.Text;
using System.Text.Json;

/// <summary>A compact JWS split into its parts; nothing in it is trusted until <see cref="BotTokenValidator"/> says so.</summary>
internal sealed class JwtToken
{
    private JwtToken(string algorithm, string? keyId, JsonElement payload, byte[] signedPart, byte[] signature)
    {
        Algorithm = algorithm;
        KeyId = keyId;
        Payload = payload;
        SignedPart = signedPart;
        Signature = signature;
    }

    public string Algorithm { get; }

    public string? KeyId { get; }

    public JsonElement Payload { get; }

    /// <summary>The ASCII bytes of <c>header.payload</c>, what the signature covers.</summary>
    public byte[] SignedPart { get; }

    public byte[] Signature { get; }

    /// <summary>Splits and decodes a token; false (with a reason for the log) when it is not a well-formed JWS.</summary>
    public static bool TryParse(string token, out JwtToken? parsed, out string reason)
    {
        parsed = null;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            reason = "token is not three base64url parts";
            return false;
        }
        if (!TryDecode(parts[0], out var headerBytes) || !TryDecode(parts[1], out var payloadBytes) || !TryDecode(parts[2], out var signature))
        {
            reason = "token part is not base64url";
            return false;
        }
        JsonElement header;
        JsonElement payload;
        try
        {
            header = JsonSerializer.Deserialize<JsonElement>(headerBytes);
            payload = JsonSerializer.Deserialize<JsonElement>(payloadBytes);
        }
        catch (JsonException)
        {
            reason = "token header or payload is not JSON";
            return false;
        }
        if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
        {
            reason = "token header or payload is not a JSON object";
            return false;
        }
        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String)
        {
            reason = "token header has no alg";
            return false;
        }
        var kid = header.TryGetProperty("kid", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        var signedPart = Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1]));
        parsed = new JwtToken(alg.GetString()!, kid, payload, signedPart, signature);
        reason = "";
        return true;
    }

    public string? StringClaim(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A NumericDate claim (seconds since the epoch), null when absent or not a number.</summary>
    public DateTimeOffset? TimeClaim(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;

    /// <summary>The audiences: <c>aud</c> may be one string or an array of strings.</summary>
    public IReadOnlyList<string> Audiences()
    {
        if (!Payload.TryGetProperty("aud", out var aud)) return [];
        return aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList(),
            _ => [],
        };
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(part.AsSpan(), out var length)) return false;
        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(part.AsSpan(), bytes, out var written) && written == length;
    }
}
