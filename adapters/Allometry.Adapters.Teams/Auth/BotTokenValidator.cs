namespace Allometry.Adapters.Teams.Auth;

using System.Security.Cryptography;

/// <summary>
/// Validates the Bot Framework's inbound bearer tokens by hand, per the channel's rules: RS256/384/512 only,
/// signature by a published key, issuer, audience (the app id or its <c>api://</c> forms), lifetime with
/// clock skew; then, against the parsed activity, the key's endorsements and the <c>serviceurl</c> claim.
/// </summary>
/// <seealso href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot"/>
internal sealed class BotTokenValidator(OpenIdKeyStore keys, TeamsOptions options, TimeProvider time)
{
    private readonly string[] _audiences = options.IsLocalMode
        ? []
        : [options.AppId!, "api://" + options.AppId, "api://botid-" + options.AppId];

    /// <summary>Checks the <c>Authorization</c> header's token; never throws for a bad token.</summary>
    /// <exception cref="KeySourceUnavailableException">No signing keys can be had at all.</exception>
    public async Task<TokenCheck> ValidateAsync(string? authorization, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(authorization)) return TokenCheck.Fail("no Authorization header");
        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return TokenCheck.Fail("Authorization scheme is not Bearer");
        if (!JwtToken.TryParse(authorization[Scheme.Length..].Trim(), out var token, out var malformed)) return TokenCheck.Fail(malformed);
        var hash = token!.Algorithm switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => (HashAlgorithmName?)null,
        };
        if (hash is null) return TokenCheck.Fail($"algorithm '{token.Algorithm}' is not allowed");
        if (token.KeyId is null) return TokenCheck.Fail("token has no kid");
        var key = await keys.FindAsync(token.KeyId, ct).ConfigureAwait(false);
        if (key is null) return TokenCheck.Fail("token kid is not a published signing key");
        if (!key.Rsa.VerifyData(token.SignedPart, token.Signature, hash.Value, RSASignaturePadding.Pkcs1)) return TokenCheck.Fail("signature does not verify");
        var issuer = token.StringClaim("iss");
        if (issuer is null || !options.ValidIssuers.Contains(issuer, StringComparer.Ordinal)) return TokenCheck.Fail("issuer is not accepted");
        if (!token.Audiences().Any(a => _audiences.Contains(a, StringComparer.OrdinalIgnoreCase))) return TokenCheck.Fail("audience is not this bot");
        var now = time.GetUtcNow();
        if (token.TimeClaim("exp") is not { } expires) return TokenCheck.Fail("token has no exp");
        if (now > expires + options.ClockSkew) return TokenCheck.Fail("token expired");
        if (token.TimeClaim("nbf") is { } notBefore && now + options.ClockSkew < notBefore) return TokenCheck.Fail("token not yet valid");
        return TokenCheck.Pass(token, key);
    }

    /// <summary>
    /// The checks that need the activity: the signing key must be endorsed for the activity's channel, and
    /// the token's <c>serviceurl</c> claim must equal the activity's service URL (so a token minted for one
    /// service cannot redirect the bot's replies, and its token, elsewhere).
    /// </summary>
    public static TokenCheck MatchesActivity(TokenCheck check, string? channelId, string? serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.Passed) return check;
        if (!check.Key!.IsEndorsedFor(channelId)) return TokenCheck.Fail("signing key is not endorsed for the activity's channel");
        var claimed = check.Token!.StringClaim("serviceurl");
        if (claimed is null || serviceUrl is null || !string.Equals(claimed.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Fail("serviceurl claim does not match the activity");
        }
        return check;
    }
}
