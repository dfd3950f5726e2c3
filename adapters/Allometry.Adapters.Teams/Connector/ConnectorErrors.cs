namespace Allometry.Adapters.Teams.Connector;

using System.Text.Json;

/// <summary>Reads the connector's error body <c>{"error":{"code","message"}}</c>; only the code is kept (messages may quote content).</summary>
internal static class ConnectorErrors
{
    public const string MessageWritesBlocked = "MessageWritesBlocked";

    public static async Task<string?> CodeOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            return json.RootElement.ValueKind == JsonValueKind.Object &&
                   json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object &&
                   error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
