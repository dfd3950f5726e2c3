namespace Allometry.Adapters.Slack.Inbound;

using System.Text.Json.Nodes;

/// <summary>Small readers over Slack JSON that never throw on a missing or oddly typed field.</summary>
internal static class SlackPayload
{
    public static string? Str(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    public static bool Bool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
