namespace Allometry.Adapters.Slack.BlockKit;

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;

/// <summary>
/// The modal (<c>views.open</c>) asking for an action's inputs, and its submission read back.
/// Each input is an <c>input</c> block whose <c>block_id</c> is <c>input:&lt;id&gt;</c> and whose
/// element's <c>action_id</c> is the input's id: date → <c>datepicker</c>, note → multiline
/// <c>plain_text_input</c>, text and amount → <c>plain_text_input</c>, choice → <c>static_select</c>.
/// <c>callback_id</c> is <see cref="CallbackId"/>; <c>private_metadata</c> is
/// <c>{"payload":{…button payload…},"channel":…,"ts":…,"response_url":…}</c>.
/// </summary>
/// <remarks><see href="https://api.slack.com/reference/surfaces/views"/>.</remarks>
internal static class BlockKitModal
{
    /// <summary>The <c>callback_id</c> of every action modal; <c>view_submission</c>s carrying another are not ours.</summary>
    public const string CallbackId = "allometry_action";

    /// <summary>The prefix of an input block's <c>block_id</c>.</summary>
    public const string InputBlockPrefix = "input:";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The view for <paramref name="action"/>'s inputs in <paramref name="language"/>.</summary>
    public static JsonObject Build(CardAction action, Language language, ModalOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var blocks = new JsonArray();
        if (action.Confirmation is { } question)
        {
            blocks.Add(BlockKitBlocks.Section($":warning: {BlockKitText.Escape(question)}"));
        }
        foreach (var input in action.Inputs.Take(BlockKitLimits.ModalBlocks - blocks.Count))
        {
            blocks.Add(Input(input, language));
        }
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = BlockKitText.Plain(action.Title, BlockKitLimits.ModalTitle),
            ["close"] = BlockKitText.Plain(Pick(language, "Cancel", "Annuler"), BlockKitLimits.ModalButton),
            ["private_metadata"] = Metadata(action, origin),
            ["blocks"] = blocks,
        };
        // Slack requires a submit button whenever the view holds an input block.
        view["submit"] = BlockKitText.Plain(action.Confirmation is null ? Pick(language, "Submit", "Envoyer") : Pick(language, "Confirm", "Confirmer"), BlockKitLimits.ModalButton);
        return view;
    }

    /// <summary>The input block's <c>block_id</c> for input <paramref name="inputId"/>.</summary>
    public static string BlockIdFor(string inputId) => InputBlockPrefix + inputId;

    /// <summary>
    /// Reads a <c>view_submission</c>'s <c>view</c>: the payload from <c>private_metadata</c> with the
    /// inputs' values merged in (inputs never overwrite <c>verb</c>, <c>exception</c> or <c>version</c>).
    /// Throws <see cref="FormatException"/> when the view is not an action modal of ours or is malformed.
    /// </summary>
    public static ModalSubmission ReadSubmission(JsonNode view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view["callback_id"]?.GetValueKind() != JsonValueKind.String || view["callback_id"]!.GetValue<string>() != CallbackId)
        {
            throw new FormatException($"The view's callback_id is not {CallbackId}.");
        }
        var metadataText = view["private_metadata"]?.GetValueKind() == JsonValueKind.String ? view["private_metadata"]!.GetValue<string>() : null;
        if (string.IsNullOrEmpty(metadataText))
        {
            throw new FormatException("The view carries no private_metadata.");
        }
        JsonElement metadata;
        try
        {
            using var document = JsonDocument.Parse(metadataText);
            metadata = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FormatException("The view's private_metadata is not JSON.", e);
        }
        if (metadata.ValueKind != JsonValueKind.Object || !metadata.TryGetProperty("payload", out var payloadElement)
            || !BlockKitActionValue.TryRead(payloadElement, out var payload))
        {
            throw new FormatException("The view's private_metadata holds no action payload.");
        }
        var data = new Dictionary<string, string?>(payload, StringComparer.Ordinal);
        foreach (var (id, value) in ViewStateReader.Read(view["state"]?["values"]))
        {
            if (id is CardActionPayload.VerbKey or CardActionPayload.ExceptionKey or CardActionPayload.VersionKey || value is null)
            {
                continue;
            }
            data[id] = value;
        }
        var origin = new ModalOrigin(Field(metadata, "channel"), Field(metadata, "ts"), Field(metadata, "response_url"));
        return new ModalSubmission(data, origin is { ChannelId: null, MessageTs: null, ResponseUrl: null } ? null : origin);
    }

    /// <summary>
    /// The acknowledgement of a <c>view_submission</c> whose inputs were refused:
    /// <c>{"response_action":"errors","errors":{"input:until":"…"}}</c>, shown by Slack under each input.
    /// </summary>
    /// <param name="inputErrors">Refused inputs by input id (<c>ConversationReply.InputErrors</c>).</param>
    /// <param name="view">
    /// The submitted view, when at hand: Slack rejects errors keyed by a block the view does not hold, so
    /// an error about an input the modal does not show is put under the modal's first input instead of lost.
    /// </param>
    public static JsonObject Errors(IReadOnlyDictionary<string, string> inputErrors, JsonNode? view = null)
    {
        ArgumentNullException.ThrowIfNull(inputErrors);
        var known = view?["blocks"] is JsonArray blocks
            ? blocks.Where(b => b?["type"]?.GetValue<string>() == "input").Select(b => b?["block_id"]?.GetValue<string>()).OfType<string>().ToList()
            : null;
        var messages = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, message) in inputErrors)
        {
            var blockId = BlockIdFor(id);
            if (known is { Count: > 0 } && !known.Contains(blockId, StringComparer.Ordinal))
            {
                blockId = known[0];
            }
            if (!messages.TryGetValue(blockId, out var list))
            {
                messages[blockId] = list = [];
            }
            list.Add(string.IsNullOrWhiteSpace(message) ? "—" : message.Trim());
        }
        var errors = new JsonObject();
        foreach (var (blockId, list) in messages)
        {
            errors[blockId] = BlockKitText.Cut(string.Join(" ", list), BlockKitLimits.InputHint);
        }
        return new JsonObject { ["response_action"] = "errors", ["errors"] = errors };
    }

    private static JsonObject Input(CardInput input, Language language)
    {
        var block = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = BlockKitText.Cut(BlockIdFor(input.Id), BlockKitLimits.BlockId),
            ["label"] = BlockKitText.Plain(input.Label, BlockKitLimits.InputLabel),
            ["optional"] = !input.Required,
            ["element"] = Element(input, language),
        };
        if (Hint(input, language) is { } hint)
        {
            block["hint"] = BlockKitText.Plain(hint, BlockKitLimits.InputHint);
        }
        return block;
    }

    private static JsonObject Element(CardInput input, Language language)
    {
        var element = input.Kind switch
        {
            CardInputKind.Date => DatePicker(input),
            CardInputKind.Choice when input.Choices.Count > 0 => Select(input),
            _ => TextInput(input),
        };
        element["action_id"] = input.Id;
        if (input.Placeholder is { } placeholder && !string.IsNullOrWhiteSpace(placeholder))
        {
            element["placeholder"] = BlockKitText.Plain(placeholder, BlockKitLimits.Placeholder);
        }
        else if (element["type"]!.GetValue<string>() == "static_select")
        {
            element["placeholder"] = BlockKitText.Plain(Pick(language, "Choose…", "Choisir…"), BlockKitLimits.Placeholder);
        }
        return element;
    }

    private static JsonObject DatePicker(CardInput input)
    {
        var picker = new JsonObject { ["type"] = "datepicker" };
        if (DateOnly.TryParseExact(input.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            picker["initial_date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return picker;
    }

    private static JsonObject TextInput(CardInput input)
    {
        var text = new JsonObject { ["type"] = "plain_text_input", ["max_length"] = BlockKitLimits.PlainTextInputValue };
        if (input.Kind == CardInputKind.MultilineText)
        {
            text["multiline"] = true;
        }
        if (!string.IsNullOrEmpty(input.Value))
        {
            text["initial_value"] = BlockKitText.Cut(input.Value, BlockKitLimits.PlainTextInputValue);
        }
        return text;
    }

    private static JsonObject Select(CardInput input)
    {
        // Choices whose value is longer than an option allows cannot round-trip; they are left out, not cut.
        var usable = input.Choices.Where(c => c.Value.Length <= BlockKitLimits.OptionValue && c.Value.Length > 0).Take(BlockKitLimits.SelectOptions).ToList();
        JsonObject Option(CardChoice c) => new() { ["text"] = BlockKitText.Plain(c.Title, BlockKitLimits.OptionText), ["value"] = c.Value };
        var select = new JsonObject
        {
            ["type"] = "static_select",
            ["options"] = new JsonArray([.. usable.Select(c => (JsonNode)Option(c))]),
        };
        if (usable.FirstOrDefault(c => c.Value == input.Value) is { } initial)
        {
            select["initial_option"] = Option(initial);
        }
        return select;
    }

    private static string? Hint(CardInput input, Language language)
    {
        if (input.Kind == CardInputKind.Amount)
        {
            return Pick(language, "For example 1234.56", "Par exemple 1 234,56");
        }
        var shown = Math.Min(input.Choices.Count, BlockKitLimits.SelectOptions);
        if (input.Kind == CardInputKind.Choice && input.Choices.Count > BlockKitLimits.SelectOptions)
        {
            return Pick(language, $"Showing the first {shown} of {input.Choices.Count}.", $"Les {shown} premiers sur {input.Choices.Count} sont affichés.");
        }
        return null;
    }

    private static string Metadata(CardAction action, ModalOrigin? origin)
    {
        var metadata = new JsonObject { ["payload"] = JsonNode.Parse(BlockKitActionValue.Of(action)) };
        if (origin?.ChannelId is { } channel)
        {
            metadata["channel"] = channel;
        }
        if (origin?.MessageTs is { } ts)
        {
            metadata["ts"] = ts;
        }
        if (origin?.ResponseUrl is { } url)
        {
            metadata["response_url"] = url;
        }
        var text = metadata.ToJsonString(Compact);
        if (text.Length > BlockKitLimits.PrivateMetadata && metadata.Remove("response_url"))
        {
            // chat.update with channel and ts does the same job as the response_url.
            text = metadata.ToJsonString(Compact);
        }
        return text.Length <= BlockKitLimits.PrivateMetadata
            ? text
            : throw new InvalidOperationException($"The {action.Verb} modal's metadata is {text.Length} characters; Slack allows {BlockKitLimits.PrivateMetadata}.");
    }

    private static string? Field(JsonElement metadata, string name) =>
        metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Pick(Language language, string en, string fr) => language == Language.Fr ? fr : en;
}
