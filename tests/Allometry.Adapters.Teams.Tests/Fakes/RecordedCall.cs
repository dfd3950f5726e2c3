namespace Allometry.Adapters.Teams.Tests.Fakes;

using System.Text.Json.Nodes;

/// <summary>A call the bot made to the fake Bot Framework, as it arrived on the wire.</summary>
internal sealed record RecordedCall(string Method, string RawTarget, string? Authorization, string Body)
{
    public JsonObject? Json => Body.Length == 0 ? null : JsonNode.Parse(Body) as JsonObject;

    /// <summary>The Adaptive Card in the activity's first attachment (or in a create-conversation's activity).</summary>
    public JsonObject? Card =>
        (Json?["attachments"]?[0]?["content"] ?? Json?["activity"]?["attachments"]?[0]?["content"]) as JsonObject;
}
