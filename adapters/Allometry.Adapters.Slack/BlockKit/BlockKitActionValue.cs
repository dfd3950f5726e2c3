namespace Allometry.Adapters.Slack.BlockKit;

using System.Text.Encodings.Web;
using System.Text.Json;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;

/// <summary>
/// A button's <c>value</c> (and an overflow option's <c>value</c>): <see cref="CardActionPayload.ToData"/>
/// as compact JSON, <c>{"verb":"snooze","exception":"42","version":"3","days":"3"}</c>. Slack sends
/// it back untouched with the click; the modal's <c>private_metadata</c> carries the same payload.
/// </summary>
internal static class BlockKitActionValue
{
    // Accents stay as written ("é", not "\u00e9"): the value is short-lived JSON inside JSON, and
    // every escaped character would eat six of the 150 an overflow option allows.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The compact JSON of <paramref name="action"/>'s payload.</summary>
    public static string Of(CardAction action) => JsonSerializer.Serialize(CardActionPayload.ToData(action), Compact);

    /// <summary>
    /// Reads a value back into the payload dictionary; false (and an empty payload) when it is not a
    /// flat JSON object of strings — a forged or foreign value, answered 400 by the caller.
    /// </summary>
    public static bool TryRead(string? value, out IReadOnlyDictionary<string, string?> payload)
    {
        payload = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(value) || value.Length > BlockKitLimits.ButtonValue)
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(value);
            return TryRead(document.RootElement, out payload);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads a payload object already parsed (the modal metadata's <c>payload</c>).</summary>
    public static bool TryRead(JsonElement element, out IReadOnlyDictionary<string, string?> payload)
    {
        var read = new Dictionary<string, string?>(StringComparer.Ordinal);
        payload = read;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                payload = new Dictionary<string, string?>();
                return false;
            }
            read[property.Name] = property.Value.GetString();
        }
        return read.ContainsKey(CardActionPayload.VerbKey);
    }
}
