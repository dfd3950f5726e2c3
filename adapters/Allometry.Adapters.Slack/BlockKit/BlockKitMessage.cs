namespace Allometry.Adapters.Slack.BlockKit;

using System.Text.Json.Nodes;

/// <summary>A rendered message: the notification/fallback <c>text</c> and the Block Kit <c>blocks</c>.</summary>
/// <param name="Text">Shown in notifications and by clients that cannot draw blocks; at most 40 000 characters.</param>
/// <param name="Blocks">At most 50 blocks, each within Slack's limits.</param>
internal sealed record BlockKitMessage(string Text, JsonArray Blocks)
{
    /// <summary><c>{ "text": …, "blocks": […] }</c>, a fresh copy to merge into a <c>chat.postMessage</c>/<c>chat.update</c>/response_url body.</summary>
    public JsonObject ToJson() => new()
    {
        ["text"] = Text,
        ["blocks"] = Blocks.DeepClone(),
    };
}
