namespace Allometry.Adapters.DirectLine.Relay;

using System.Text.Json.Nodes;
using Allometry.Adapters.DirectLine.Conversations;
using Allometry.Core.Conversations;

/// <summary>
/// Web Chat sends an <c>Action.Submit</c> click as a plain message whose <c>value</c> is the button's
/// data, without saying which card it came from (Teams sets <c>replyToId</c>). The channel finds the
/// card — the newest bot activity holding a button with the same verb, exception and version — and
/// sets <c>replyToId</c>, so the bot can update that card in place exactly as it does in Teams.
/// </summary>
internal static class SubmitOrigin
{
    public static string? Find(DirectLineConversation conversation, string botId, JsonObject value)
    {
        var verb = Text(value, CardActionPayload.VerbKey);
        if (verb is null)
        {
            return null;
        }
        var exception = Text(value, CardActionPayload.ExceptionKey);
        var version = Text(value, CardActionPayload.VersionKey);
        foreach (var activity in conversation.LatestBotActivities(botId))
        {
            if (activity["attachments"] is JsonArray attachments && attachments.Any(a => HasButton(a?["content"], verb, exception, version)))
            {
                return (string?)activity["id"];
            }
        }
        return null;
    }

    private static bool HasButton(JsonNode? node, string verb, string? exception, string? version) => node switch
    {
        JsonObject o when o["data"] is JsonObject data && Text(data, CardActionPayload.VerbKey) == verb
            && Text(data, CardActionPayload.ExceptionKey) == exception && Text(data, CardActionPayload.VersionKey) == version => true,
        JsonObject o => o.Any(p => HasButton(p.Value, verb, exception, version)),
        JsonArray a => a.Any(n => HasButton(n, verb, exception, version)),
        _ => false,
    };

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v ? v.ToString() : null;
}
