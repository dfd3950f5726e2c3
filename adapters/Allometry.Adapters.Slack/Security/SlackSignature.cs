namespace Allometry.Adapters.Slack.Security;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Slack's v0 request signature: <c>v0=</c> + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body)).
/// </summary>
/// <seealso href="https://api.slack.com/authentication/verifying-requests-from-slack"/>
internal static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    private const string Version = "v0";

    /// <summary>The signature Slack would send for this body.</summary>
    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes(Version + ":" + timestamp + ":");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return Version + "=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// Checks a request: the timestamp is a number within <paramref name="tolerance"/> of now, and the
    /// signature matches one of <paramref name="secrets"/> (compared in constant time). No secret → refused.
    /// </summary>
    public static SignatureCheck Verify(IReadOnlyList<string> secrets, string? timestamp, string? signature, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            return SignatureCheck.NoSecret;
        }
        if (string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.MissingTimestamp;
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MalformedTimestamp;
        }
        var skew = Math.Abs(now.ToUnixTimeSeconds() - seconds);
        if (skew > tolerance.TotalSeconds)
        {
            return SignatureCheck.StaleTimestamp;
        }
        if (string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingSignature;
        }
        var given = Encoding.ASCII.GetBytes(signature);
        var valid = false;
        foreach (var secret in secrets)
        {
            var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
            // Every secret is tried whatever the outcome, so timing says nothing about which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(expected, given);
        }
        return valid ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }
}
