namespace Allometry.Adapters.Slack.BlockKit;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;

/// <summary>Block factories that cut every text to its limit, so no card content can break a message.</summary>
internal static class BlockKitBlocks
{
    /// <summary>A <c>header</c> (plain text, 150 characters).</summary>
    public static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = BlockKitText.Plain(text, BlockKitLimits.HeaderText),
    };

    /// <summary>A <c>section</c> of mrkdwn (3000 characters), with an optional accessory element.</summary>
    public static JsonObject Section(string mrkdwn, JsonObject? accessory = null)
    {
        var section = new JsonObject
        {
            ["type"] = "section",
            ["text"] = BlockKitText.Mrkdwn(mrkdwn, BlockKitLimits.SectionText),
        };
        if (accessory is not null)
        {
            section["accessory"] = accessory;
        }
        return section;
    }

    /// <summary>
    /// Facts as two-column <c>fields</c> ("*Label*\nvalue"), ten per section (Slack's maximum), each
    /// cut to 2000 characters. No facts, no block.
    /// </summary>
    public static IReadOnlyList<JsonObject> Fields(IReadOnlyList<CardFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [.. facts.Chunk(BlockKitLimits.SectionFields).Select(chunk => new JsonObject
        {
            ["type"] = "section",
            ["fields"] = new JsonArray([.. chunk.Select(f => (JsonNode)BlockKitText.Mrkdwn(
                $"{BlockKitText.Bold(f.Label)}\n{BlockKitText.Escape(f.Value)}", BlockKitLimits.FieldText))]),
        })];
    }

    /// <summary>
    /// A <c>context</c> block of mrkdwn elements; past ten elements the rest are joined into the last
    /// one, so nothing is silently lost.
    /// </summary>
    public static JsonObject Context(IReadOnlyList<string> mrkdwn)
    {
        ArgumentNullException.ThrowIfNull(mrkdwn);
        var items = mrkdwn.Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        if (items.Count > BlockKitLimits.ContextElements)
        {
            var last = string.Join(" · ", items.Skip(BlockKitLimits.ContextElements - 1));
            items = [.. items.Take(BlockKitLimits.ContextElements - 1), last];
        }
        return new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray([.. items.Select(m => (JsonNode)BlockKitText.Mrkdwn(m, BlockKitLimits.ContextText))]),
        };
    }

    /// <summary>A <c>divider</c>.</summary>
    public static JsonObject Divider() => new() { ["type"] = "divider" };
}
