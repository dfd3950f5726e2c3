namespace Allometry.Adapters.Teams.Activities;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>Reads untrusted JSON leniently: a value of the wrong kind reads as null instead of throwing.</summary>
internal static class JsonText
{
    public static string? Of(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A scalar as the text a card input would have sent: strings as they are, numbers and booleans in invariant form.</summary>
    public static bool TryScalar(JsonElement element, out string? text)
    {
        text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => bool.TrueString.ToLower(CultureInfo.InvariantCulture),
            JsonValueKind.False => bool.FalseString.ToLower(CultureInfo.InvariantCulture),
            _ => null,
        };
        return element.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null;
    }
}
