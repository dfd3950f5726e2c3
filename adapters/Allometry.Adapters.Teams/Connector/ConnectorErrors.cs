namespace Allometry.Adapters.Teams.Connector;

using System.Net;
using System.Text.Json;

/// <summary>
/// Reads the connector's error body <c>{"error":{"code","message"}}</c> (some answers add a <c>subCode</c>); only the
/// codes are kept (messages may quote content).
/// </summary>
/// <seealso href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages#status-codes-from-bot-conversational-apis"/>
internal static class ConnectorErrors
{
    /// <summary>The reason every refusal of writes to a conversation is reported under, whatever the connector's own code.</summary>
    public const string MessageWritesBlocked = "MessageWritesBlocked";

    /// <summary>The connector's code when a user blocked the bot in a 1:1 chat or a channel's moderation refuses it.</summary>
    public const string ConversationBlockedByUser = "ConversationBlockedByUser";

    /// <summary>The HTTP status the connector refuses blocked writes with.</summary>
    public const int BlockedStatus = 403;

    /// <summary>The error's <c>code</c>, or <c>subCode</c> when only that names it; null when the body says neither.</summary>
    public static async Task<(string? Code, string? SubCode)> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            if (json.RootElement.ValueKind != JsonValueKind.Object ||
                !json.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }
            return (Text(error, "code"), Text(error, "subCode"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// A refusal that retrying cannot cure until the conversation speaks to the bot again: 403 with
    /// <c>MessageWritesBlocked</c> (as code or sub-code) or <c>ConversationBlockedByUser</c>.
    /// </summary>
    public static bool IsWritesBlocked(HttpStatusCode status, string? code, string? subCode) =>
        (int)status == BlockedStatus &&
        (code is MessageWritesBlocked or ConversationBlockedByUser || subCode == MessageWritesBlocked);

    private static string? Text(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
