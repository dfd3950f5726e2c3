namespace Allometry.Adapters.Teams.Tests.Cards;

using System.Text.Json.Nodes;

/// <summary>Finds objects anywhere in a rendered card.</summary>
internal static class JsonWalk
{
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                {
                    foreach (var inner in Objects(child)) yield return inner;
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var inner in Objects(child)) yield return inner;
                }
                break;
        }
    }

    public static IEnumerable<JsonObject> OfType(JsonNode? node, string type) =>
        Objects(node).Where(o => o["type"] is JsonValue v && v.TryGetValue<string>(out var t) && t == type);

    public static string? Str(this JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The ShowCard or button whose title is <paramref name="title"/> (the first, in document order).</summary>
    public static JsonObject Titled(JsonNode card, string type, string title) =>
        OfType(card, type).First(o => o.Str("title") == title);
}
