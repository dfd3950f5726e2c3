namespace Allometry.Adapters.Teams.Cards;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// Turns <see cref="CardAction"/>s into Adaptive Card actions for one rendering: <c>Action.Execute</c>
/// (verb = the action's snake_case code, data = <see cref="CardActionPayload.ToData"/>) with an
/// <c>Action.Submit</c> fallback, or <c>Action.Submit</c> alone; actions with inputs or a confirmation
/// become an <c>Action.ShowCard</c> holding the inputs and the button that submits them; secondary
/// actions get <c>mode: secondary</c> (the "…" overflow menu).
/// </summary>
internal sealed class AdaptiveActionWriter(AdaptiveRenderOptions options, Language language)
{
    private int _scopes;

    /// <summary>Hosts show at most this many actions in one list (the renderer's default host config, Teams' card footer).</summary>
    public const int MaxActions = 5;

    /// <summary>
    /// The card-level action list: primary actions first, secondary ones after with <c>mode: secondary</c>.
    /// When they do not fit in <see cref="MaxActions"/>, the first primaries stay and the rest go into a
    /// "More" ShowCard, as rows of at most <see cref="MaxActions"/> buttons grouped by verb.
    /// </summary>
    public JsonArray Actions(IEnumerable<CardAction> actions)
    {
        var ordered = actions.OrderBy(a => a.Secondary).ToList();
        if (ordered.Count <= MaxActions) return new([.. ordered.Select(a => (JsonNode)Action(a))]);
        var kept = ordered.Where(a => !a.Secondary).Take(MaxActions - 1).ToList();
        var rest = ordered.Except(kept).ToList();
        var rows = new JsonArray();
        foreach (var group in rest.GroupBy(a => a.Verb))
        {
            foreach (var chunk in group.Chunk(MaxActions))
            {
                rows.Add(new JsonObject
                {
                    ["type"] = "ActionSet",
                    ["actions"] = new JsonArray([.. chunk.Select(a => (JsonNode)Action(a with { Secondary = false }))]),
                });
            }
        }
        var more = new JsonObject
        {
            ["type"] = "Action.ShowCard",
            ["title"] = AdaptiveText.More(language),
            ["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = rows },
        };
        return new([.. kept.Select(a => (JsonNode)Action(a)), more]);
    }

    /// <summary>One action: a plain button, or a ShowCard with its inputs when it has any (or asks for confirmation).</summary>
    public JsonObject Action(CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var rendered = action.Inputs.Count == 0 && action.Confirmation is null ? Button(action, action.Title) : ShowCard(action);
        if (action.Secondary) rendered["mode"] = "secondary";
        return rendered;
    }

    /// <summary>A button without inputs, for a <c>selectAction</c> (where a ShowCard is not allowed).</summary>
    public JsonObject Button(CardAction action, string title)
    {
        ArgumentNullException.ThrowIfNull(action);
        var submit = Submit(action, title);
        if (options.Mode == AdaptiveActionMode.SubmitOnly) return submit;
        var execute = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = LedgerVocabulary.ToCode(action.Verb),
            ["data"] = Data(action),
        };
        Style(execute, action.Tone);
        // Clients without Universal Actions fall back to a plain submit carrying the same payload.
        execute["fallback"] = submit;
        return execute;
    }

    /// <summary>The Execute action a card's <c>refresh</c> runs: verb <c>refresh</c>, the view payload as data.</summary>
    public static JsonObject Refresh(CardAction view) => new()
    {
        ["type"] = "Action.Execute",
        ["verb"] = "refresh",
        ["data"] = Data(view),
    };

    private JsonObject ShowCard(CardAction action)
    {
        var scope = ++_scopes;
        var verb = LedgerVocabulary.ToCode(action.Verb);
        var body = new JsonArray();
        foreach (var input in action.Inputs)
        {
            body.Add(AdaptiveInputs.Render(input, AdaptiveInputIds.Scoped(verb, scope, input.Id), language));
        }
        if (action.Confirmation is { } question)
        {
            // The question is the toggle's label: the click is refused until it is ticked.
            body.Add(new JsonObject
            {
                ["type"] = "Input.Toggle",
                ["id"] = AdaptiveInputIds.Scoped(verb, scope, "confirm"),
                ["title"] = AdaptiveText.IConfirm(language),
                ["label"] = question,
                ["valueOn"] = "true",
                ["valueOff"] = "false",
                ["value"] = "false",
                ["isRequired"] = true,
                ["errorMessage"] = AdaptiveText.Required(language),
            });
        }
        var showCard = new JsonObject
        {
            ["type"] = "Action.ShowCard",
            ["title"] = action.Title,
            ["card"] = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["body"] = body,
                ["actions"] = new JsonArray(Button(action, action.Title)),
            },
        };
        Style(showCard, action.Tone);
        return showCard;
    }

    private static JsonObject Submit(CardAction action, string title)
    {
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = Data(action) };
        Style(submit, action.Tone);
        return submit;
    }

    private static JsonObject Data(CardAction action)
    {
        var data = new JsonObject();
        foreach (var (key, value) in CardActionPayload.ToData(action))
        {
            data[key] = value;
        }
        return data;
    }

    // Adaptive Cards has two emphasised styles: positive (the recommended move) and destructive (hard to undo).
    private static void Style(JsonObject action, CardTone tone)
    {
        var style = tone switch
        {
            CardTone.Good or CardTone.Attention => "positive",
            CardTone.Warning or CardTone.Critical => "destructive",
            _ => null,
        };
        if (style is not null) action["style"] = style;
    }
}
