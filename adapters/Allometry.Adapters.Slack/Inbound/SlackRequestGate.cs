namespace Allometry.Adapters.Slack.Inbound;

using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.Security;
using Microsoft.AspNetCore.Http;

/// <summary>
/// The first steps of every Slack request, before anything is parsed: content type, the raw body
/// buffered under a size cap, then the v0 signature, the timestamp window and the replay check.
/// </summary>
internal sealed class SlackRequestGate(SlackOptions options, ReplayGuard replays, TimeProvider time)
{
    public const string JsonType = "application/json";
    public const string FormType = "application/x-www-form-urlencoded";

    /// <summary>The verified raw body, or the status to answer with (415, 413, 401).</summary>
    public async Task<(byte[]? Body, int Status, string? Reason)> ReadVerifiedAsync(HttpRequest request, string contentType, bool sslCheckAllowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is not { } type || !type.StartsWith(contentType, StringComparison.OrdinalIgnoreCase))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "content_type");
        }
        if (request.ContentLength > options.MaxBodyBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, "too_large");
        }
        var body = await ReadCappedAsync(request.Body, options.MaxBodyBytes, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, "too_large");
        }
        // Slack's certificate check posts ssl_check=1 unsigned; it is answered 200 and nothing else happens.
        if (sslCheckAllowed && !request.Headers.ContainsKey(SlackSignature.SignatureHeader) && IsSslCheck(body))
        {
            return (null, StatusCodes.Status200OK, "ssl_check");
        }
        var secrets = options.SigningSecrets.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        var signature = request.Headers[SlackSignature.SignatureHeader].ToString();
        var check = SlackSignature.Verify(secrets, request.Headers[SlackSignature.TimestampHeader].ToString(), signature, body,
            time.GetUtcNow(), options.TimestampTolerance);
        if (check != SignatureCheck.Valid)
        {
            return (null, StatusCodes.Status401Unauthorized, check.ToString());
        }
        if (!replays.FirstUse(signature, options.TimestampTolerance))
        {
            return (null, StatusCodes.Status401Unauthorized, "replayed");
        }
        return (body, StatusCodes.Status200OK, null);
    }

    private static bool IsSslCheck(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text).TryGetValue("ssl_check", out var value) && value == "1";
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream stream, int cap, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
