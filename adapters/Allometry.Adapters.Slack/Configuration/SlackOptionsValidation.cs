namespace Allometry.Adapters.Slack.Configuration;

using System.Security.Cryptography;

/// <summary>Fails at start, naming the key, when the Slack configuration cannot work.</summary>
internal static class SlackOptionsValidation
{
    public static IReadOnlyList<string> Problems(SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var secrets = options.SigningSecrets.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (options.Mode == SlackMode.Http && secrets.Count == 0)
        {
            problems.Add("Slack:SigningSecrets needs at least one signing secret in HTTP mode (Slack app > Basic Information > Signing Secret).");
        }
        if (options.SigningSecrets.Count > 2)
        {
            problems.Add("Slack:SigningSecrets holds at most two secrets (the current one and the one being rotated out).");
        }
        if (options.Mode == SlackMode.Socket && !StartsWith(options.AppToken, "xapp-"))
        {
            problems.Add("Slack:AppToken must be an app-level token (xapp-…) with connections:write in Socket mode.");
        }
        if (!options.UsesOAuth)
        {
            if (!StartsWith(options.BotToken, "xoxb-"))
            {
                problems.Add("Slack:BotToken must be a bot token (xoxb-…).");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
            {
                problems.Add("Slack:BotToken is empty, so Slack:ClientId and Slack:ClientSecret are required (OAuth install for several workspaces).");
            }
            if (KeyBytes(options.TokenEncryptionKey) is null)
            {
                problems.Add("Slack:TokenEncryptionKey must be base64 of 32 random bytes (encrypts installed bot tokens at rest).");
            }
            if (options.PublicBaseUrl is null || !options.PublicBaseUrl.IsAbsoluteUri)
            {
                problems.Add("Slack:PublicBaseUrl must be the absolute public URL of this host (the OAuth redirect URI is built from it).");
            }
        }
        if (!options.ApiBaseUrl.IsAbsoluteUri || !options.ApiBaseUrl.AbsoluteUri.EndsWith('/'))
        {
            problems.Add("Slack:ApiBaseUrl must be an absolute URL ending with '/'.");
        }
        if (options.MaxBodyBytes is < 1024 or > 4 * 1024 * 1024)
        {
            problems.Add("Slack:MaxBodyBytes must be between 1024 and 4194304.");
        }
        if (options.QueueCapacity < 1 || options.Workers is < 1 or > 64)
        {
            problems.Add("Slack:QueueCapacity must be positive and Slack:Workers between 1 and 64.");
        }
        return problems;
    }

    public static void ThrowIfInvalid(SlackOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Slack configuration is invalid: " + string.Join(" ", problems));
        }
    }

    /// <summary>The decoded 32-byte key, or null when absent or malformed.</summary>
    public static byte[]? KeyBytes(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }
        var buffer = new byte[64];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != 32)
        {
            return null;
        }
        var key = buffer[..32];
        CryptographicOperations.ZeroMemory(buffer);
        return key;
    }

    private static bool StartsWith(string? value, string prefix) =>
        !string.IsNullOrWhiteSpace(value) && value.StartsWith(prefix, StringComparison.Ordinal);
}
