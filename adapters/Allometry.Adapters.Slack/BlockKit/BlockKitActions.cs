namespace Allometry.Adapters.Slack.BlockKit;

using System.Globalization;
using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// Card actions as Block Kit elements. Primary actions are buttons; secondary ones go in overflow
/// menus (5 options each). Every element gets a unique <c>action_id</c>: <c>act:&lt;verb&gt;:&lt;n&gt;</c> for
/// buttons, <c>more:&lt;n&gt;</c> for overflow menus, n counting up through the message. The payload
/// rides in the button/option <c>value</c> (<see cref="BlockKitActionValue"/>).
/// </summary>
internal sealed class BlockKitActions(Language language)
{
    public const string ButtonPrefix = "act:";
    public const string OverflowPrefix = "more:";

    private int _next;

    /// <summary>Actions whose payload is too long for any Slack value; they cannot be offered here.</summary>
    public int Dropped { get; private set; }

    /// <summary>
    /// One or more <c>actions</c> blocks (25 elements each) holding the buttons then the overflow menus.
    /// An action with a confirmation is always a button: an overflow menu confirms as a whole.
    /// </summary>
    public IReadOnlyList<JsonObject> Blocks(IReadOnlyList<CardAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var elements = Elements(actions);
        var blocks = new List<JsonObject>();
        foreach (var chunk in elements.Chunk(BlockKitLimits.ActionsElements))
        {
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) });
        }
        return blocks;
    }

    /// <summary>The buttons then overflow menus for <paramref name="actions"/>, without the enclosing block.</summary>
    public IReadOnlyList<JsonObject> Elements(IReadOnlyList<CardAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var buttons = new List<JsonObject>();
        var secondary = new List<(CardAction Action, string Value)>();
        foreach (var action in actions)
        {
            var value = BlockKitActionValue.Of(action);
            if (value.Length > BlockKitLimits.ButtonValue)
            {
                Dropped++;
                continue;
            }
            var fitsOverflow = value.Length <= BlockKitLimits.OptionValue && action.Confirmation is null;
            if (action.Secondary && fitsOverflow)
            {
                secondary.Add((action, value));
            }
            else
            {
                buttons.Add(Button(action, value));
            }
        }
        var menus = secondary.Chunk(BlockKitLimits.OverflowOptions).Select(Overflow);
        return [.. buttons, .. menus];
    }

    /// <summary>
    /// A single element for a section's accessory: a button for one action, an overflow menu for
    /// several; null when there is nothing to offer.
    /// </summary>
    public JsonObject? Accessory(IReadOnlyList<CardAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var usable = actions.Select(a => (Action: a, Value: BlockKitActionValue.Of(a))).ToList();
        Dropped += usable.RemoveAll(u => u.Value.Length > BlockKitLimits.ButtonValue);
        if (usable.Count == 0)
        {
            return null;
        }
        if (usable.Count == 1 || usable.Any(u => u.Value.Length > BlockKitLimits.OptionValue || u.Action.Confirmation is not null))
        {
            Dropped += usable.Count - 1;
            return Button(usable[0].Action, usable[0].Value);
        }
        Dropped += Math.Max(0, usable.Count - BlockKitLimits.OverflowOptions);
        return Overflow([.. usable.Take(BlockKitLimits.OverflowOptions)]);
    }

    /// <summary>A button with the action's title, style, payload and confirmation.</summary>
    public JsonObject Button(CardAction action, string value)
    {
        ArgumentNullException.ThrowIfNull(action);
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = $"{ButtonPrefix}{LedgerVocabulary.ToCode(action.Verb)}:{Next()}",
            ["text"] = BlockKitText.Plain(action.Title, BlockKitLimits.ButtonText),
            ["value"] = value,
        };
        if (Style(action.Tone) is { } style)
        {
            button["style"] = style;
        }
        if (action.Confirmation is { } question)
        {
            button["confirm"] = Confirm(action, question);
        }
        return button;
    }

    private JsonObject Overflow((CardAction Action, string Value)[] options) => new()
    {
        ["type"] = "overflow",
        ["action_id"] = $"{OverflowPrefix}{Next()}",
        ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
        {
            ["text"] = BlockKitText.Plain(o.Action.Title, BlockKitLimits.OptionText),
            ["value"] = o.Value,
        })]),
    };

    private JsonObject Confirm(CardAction action, string question)
    {
        var confirm = new JsonObject
        {
            ["title"] = BlockKitText.Plain(action.Title, BlockKitLimits.ConfirmTitle),
            ["text"] = BlockKitText.Plain(question, BlockKitLimits.ConfirmText),
            ["confirm"] = BlockKitText.Plain(Pick("Confirm", "Confirmer"), BlockKitLimits.ConfirmButton),
            ["deny"] = BlockKitText.Plain(Pick("Cancel", "Annuler"), BlockKitLimits.ConfirmButton),
        };
        if (action.Tone is CardTone.Warning or CardTone.Critical)
        {
            confirm["style"] = "danger";
        }
        return confirm;
    }

    // Slack has two button styles: green "primary" for the encouraged step, red "danger" for the consequential.
    private static string? Style(CardTone tone) => tone switch
    {
        CardTone.Good or CardTone.Attention => "primary",
        CardTone.Warning or CardTone.Critical => "danger",
        _ => null,
    };

    private string Next() => (_next++).ToString(CultureInfo.InvariantCulture);

    private string Pick(string en, string fr) => language == Language.Fr ? fr : en;
}
