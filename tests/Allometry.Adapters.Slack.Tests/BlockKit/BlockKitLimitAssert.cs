namespace Allometry.Adapters.Slack.Tests.BlockKit;

using System.Text.Json;
using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.BlockKit;

/// <summary>
/// Walks a rendered message or modal and fails on any Block Kit limit it breaks (protocols.md §4):
/// counts, lengths, unique ids, non-empty texts. Written against the JSON, not the renderer's code,
/// so it checks what Slack would receive.
/// </summary>
internal static class BlockKitLimitAssert
{
    public static void Message(JsonObject message)
    {
        var text = Str(message, "text");
        Assert.InRange(text.Length, 1, BlockKitLimits.MessageText);
        var blocks = Assert.IsType<JsonArray>(message["blocks"]);
        Assert.InRange(blocks.Count, 1, BlockKitLimits.MessageBlocks);
        Blocks(blocks);
    }

    public static void Modal(JsonObject view)
    {
        Assert.Equal("modal", Str(view, "type"));
        PlainText(view["title"], BlockKitLimits.ModalTitle);
        PlainText(view["close"], BlockKitLimits.ModalButton);
        Assert.InRange(Str(view, "callback_id").Length, 1, BlockKitLimits.CallbackId);
        Assert.InRange(Str(view, "private_metadata").Length, 1, BlockKitLimits.PrivateMetadata);
        var blocks = Assert.IsType<JsonArray>(view["blocks"]);
        Assert.InRange(blocks.Count, 1, BlockKitLimits.ModalBlocks);
        if (blocks.Any(b => Str(b!, "type") == "input"))
        {
            PlainText(view["submit"], BlockKitLimits.ModalButton);
        }
        Blocks(blocks);
    }

    private static void Blocks(JsonArray blocks)
    {
        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in blocks)
        {
            var block = Assert.IsType<JsonObject>(node);
            if (block["block_id"] is not null)
            {
                var id = Str(block, "block_id");
                Assert.InRange(id.Length, 1, BlockKitLimits.BlockId);
                Assert.True(blockIds.Add(id), $"block_id {id} repeats");
            }
            switch (Str(block, "type"))
            {
                case "header":
                    PlainText(block["text"], BlockKitLimits.HeaderText);
                    break;
                case "section":
                    Section(block, actionIds);
                    break;
                case "context":
                    var elements = Assert.IsType<JsonArray>(block["elements"]);
                    Assert.InRange(elements.Count, 1, BlockKitLimits.ContextElements);
                    Assert.All(elements, e => Text(e, BlockKitLimits.ContextText));
                    break;
                case "actions":
                    var items = Assert.IsType<JsonArray>(block["elements"]);
                    Assert.InRange(items.Count, 1, BlockKitLimits.ActionsElements);
                    Assert.All(items, e => Element(Assert.IsType<JsonObject>(e), actionIds));
                    break;
                case "input":
                    PlainText(block["label"], BlockKitLimits.InputLabel);
                    if (block["hint"] is { } hint)
                    {
                        PlainText(hint, BlockKitLimits.InputHint);
                    }
                    Element(Assert.IsType<JsonObject>(block["element"]), actionIds);
                    break;
                case "divider":
                    break;
                default:
                    Assert.Fail($"unexpected block type {Str(block, "type")}");
                    break;
            }
        }
    }

    private static void Section(JsonObject block, HashSet<string> actionIds)
    {
        Assert.True(block["text"] is not null || block["fields"] is not null, "a section needs text or fields");
        if (block["text"] is { } text)
        {
            Text(text, BlockKitLimits.SectionText);
        }
        if (block["fields"] is { } fields)
        {
            var array = Assert.IsType<JsonArray>(fields);
            Assert.InRange(array.Count, 1, BlockKitLimits.SectionFields);
            Assert.All(array, f => Text(f, BlockKitLimits.FieldText));
        }
        if (block["accessory"] is { } accessory)
        {
            Element(Assert.IsType<JsonObject>(accessory), actionIds);
        }
    }

    private static void Element(JsonObject element, HashSet<string> actionIds)
    {
        var actionId = Str(element, "action_id");
        Assert.InRange(actionId.Length, 1, BlockKitLimits.ActionId);
        Assert.True(actionIds.Add(actionId), $"action_id {actionId} repeats");
        if (element["placeholder"] is { } placeholder)
        {
            PlainText(placeholder, BlockKitLimits.Placeholder);
        }
        if (element["confirm"] is JsonObject confirm)
        {
            PlainText(confirm["title"], BlockKitLimits.ConfirmTitle);
            Text(confirm["text"], BlockKitLimits.ConfirmText);
            PlainText(confirm["confirm"], BlockKitLimits.ConfirmButton);
            PlainText(confirm["deny"], BlockKitLimits.ConfirmButton);
        }
        switch (Str(element, "type"))
        {
            case "button":
                PlainText(element["text"], BlockKitLimits.ButtonText);
                Assert.InRange(Str(element, "value").Length, 1, BlockKitLimits.ButtonValue);
                break;
            case "overflow":
                Options(element["options"], 1, BlockKitLimits.OverflowOptions);
                break;
            case "static_select":
                Options(element["options"], 1, BlockKitLimits.SelectOptions);
                break;
            case "datepicker":
                if (element["initial_date"] is not null)
                {
                    Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", Str(element, "initial_date"));
                }
                break;
            case "plain_text_input":
                var max = element["max_length"]?.GetValue<int>() ?? BlockKitLimits.PlainTextInputValue;
                Assert.InRange(max, 1, BlockKitLimits.PlainTextInputValue);
                if (element["initial_value"] is not null)
                {
                    Assert.InRange(Str(element, "initial_value").Length, 0, max);
                }
                break;
            default:
                Assert.Fail($"unexpected element type {Str(element, "type")}");
                break;
        }
    }

    private static void Options(JsonNode? options, int min, int max)
    {
        var array = Assert.IsType<JsonArray>(options);
        Assert.InRange(array.Count, min, max);
        Assert.All(array, o =>
        {
            PlainText(o!["text"], BlockKitLimits.OptionText);
            Assert.InRange(Str(o, "value").Length, 1, BlockKitLimits.OptionValue);
        });
    }

    private static void PlainText(JsonNode? node, int max)
    {
        Assert.Equal("plain_text", Str(node!, "type"));
        Assert.InRange(Str(node!, "text").Length, 1, max);
    }

    private static void Text(JsonNode? node, int max)
    {
        Assert.Contains(Str(node!, "type"), new[] { "plain_text", "mrkdwn" });
        Assert.InRange(Str(node!, "text").Length, 1, max);
    }

    private static string Str(JsonNode node, string name)
    {
        var value = node[name];
        Assert.True(value is JsonValue v && v.GetValueKind() == JsonValueKind.String, $"{name} is not a string in {node.ToJsonString()[..Math.Min(200, node.ToJsonString().Length)]}");
        return value!.GetValue<string>();
    }
}
