namespace Allometry.Adapters.DirectLine.Endpoints;

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

/// <summary>Reads a bounded JSON object body and writes Direct Line's error shape.</summary>
internal static class HttpBodies
{
    /// <summary>The body as a JSON object; null (and a 400/413 already written) when it is not one.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context, int maxBytes, bool allowEmpty = false)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            await ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.").ConfigureAwait(false);
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.").ConfigureAwait(false);
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0 && allowEmpty)
        {
            return [];
        }
        try
        {
            if (buffer.Length > 0 && JsonNode.Parse(buffer.ToArray()) is JsonObject o)
            {
                return o;
            }
        }
        catch (JsonException)
        {
        }
        await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadArgument", "The body must be a JSON object.").ConfigureAwait(false);
        return null;
    }

    public static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
    }

    public static bool FromLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip);

    public static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public static Uri SelfBase(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
}
