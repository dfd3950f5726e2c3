namespace Allometry.Adapters.Teams.Tests.Fakes;

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

/// <summary>Signs Bot Framework-shaped tokens with a test RSA key (or deliberately wrong ways).</summary>
internal static class TestTokens
{
    public const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    public const string Issuer = "https://api.botframework.com";

    /// <summary>The claims Teams' tokens carry, valid now for <paramref name="serviceUrl"/>.</summary>
    public static JsonObject Claims(string serviceUrl, DateTimeOffset? now = null)
    {
        var t = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        return new JsonObject
        {
            ["serviceurl"] = serviceUrl,
            ["nbf"] = t - 60,
            ["exp"] = t + 3600,
            ["iss"] = Issuer,
            ["aud"] = AppId,
        };
    }

    public static string Sign(JsonObject claims, RSA key, string keyId, string alg = "RS256")
    {
        var header = new JsonObject { ["alg"] = alg, ["kid"] = keyId, ["typ"] = "JWT" };
        var signingInput = Encode(header) + "." + Encode(claims);
        var hash = alg switch
        {
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), hash, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>An unsigned token (<c>alg: none</c>), the classic forgery.</summary>
    public static string Unsigned(JsonObject claims, string keyId) =>
        Encode(new JsonObject { ["alg"] = "none", ["kid"] = keyId }) + "." + Encode(claims) + ".";

    /// <summary>An HMAC token keyed with the public modulus (the RS→HS confusion forgery).</summary>
    public static string Hmac(JsonObject claims, string keyId, byte[] secret)
    {
        var signingInput = Encode(new JsonObject { ["alg"] = "HS256", ["kid"] = keyId }) + "." + Encode(claims);
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));
    }

    public static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
