namespace Allometry.Adapters.Slack.BlockKit;

using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// Reads <c>view.state.values</c> (<c>{block_id: {action_id: {type, value | selected_date |
/// selected_option | …}}}</c>) into input id → value. The renderer names every input element's
/// <c>action_id</c> after its <see cref="Core.Cards.CardInput.Id"/>, so the action id is the key.
/// </summary>
/// <remarks><see href="https://api.slack.com/reference/interaction-payloads/views#view_submission"/>.</remarks>
internal static class ViewStateReader
{
    /// <summary>The values; an input left empty maps to null. Throws <see cref="FormatException"/> on a malformed state.</summary>
    public static IReadOnlyDictionary<string, string?> Read(JsonNode? stateValues)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (stateValues is null)
        {
            return values;
        }
        if (stateValues is not JsonObject blocks)
        {
            throw new FormatException("view.state.values is not an object.");
        }
        foreach (var (blockId, block) in blocks)
        {
            if (block is not JsonObject elements)
            {
                throw new FormatException($"view.state.values.{blockId} is not an object.");
            }
            foreach (var (actionId, element) in elements)
            {
                if (element is not JsonObject state)
                {
                    throw new FormatException($"view.state.values.{blockId}.{actionId} is not an object.");
                }
                values[actionId] = ValueOf(state);
            }
        }
        return values;
    }

    private static string? ValueOf(JsonObject state)
    {
        var type = Text(state["type"]);
        var value = type switch
        {
            "datepicker" => Text(state["selected_date"]),
            "timepicker" => Text(state["selected_time"]),
            "static_select" or "external_select" or "radio_buttons" => Text(state["selected_option"]?["value"]),
            "users_select" => Text(state["selected_user"]),
            "conversations_select" => Text(state["selected_conversation"]),
            "channels_select" => Text(state["selected_channel"]),
            "checkboxes" or "multi_static_select" or "multi_external_select" => Join(state["selected_options"]),
            _ => Text(state["value"]),
        };
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static string? Join(JsonNode? options) => options is JsonArray array
        ? string.Join(",", array.Select(o => Text(o?["value"])).Where(v => !string.IsNullOrEmpty(v)))
        : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? value.GetValue<string>()
        : null;
}
