namespace Allometry.Adapters.Teams.Cards;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using Allometry.Core.Localization;

/// <summary>A <see cref="CardInput"/> as an Adaptive Card 1.5 input (label, required flag and error message included).</summary>
internal static class AdaptiveInputs
{
    // What a typed amount may contain; Allometry.Core.Actions.AmountText does the exact parsing.
    private const string AmountPattern = @"^\s*-?\$?\s*[0-9][0-9 ,.'\u00A0\u202F]*\s*\$?\s*$";

    public static JsonObject Render(CardInput input, string id, Language language)
    {
        ArgumentNullException.ThrowIfNull(input);
        var element = input.Kind switch
        {
            CardInputKind.Text => new JsonObject { ["type"] = "Input.Text", ["maxLength"] = 500 },
            CardInputKind.MultilineText => new JsonObject { ["type"] = "Input.Text", ["isMultiline"] = true, ["maxLength"] = 2000 },
            CardInputKind.Date => new JsonObject { ["type"] = "Input.Date" },
            CardInputKind.Amount => new JsonObject
            {
                ["type"] = "Input.Text",
                ["regex"] = AmountPattern,
                ["placeholder"] = AdaptiveText.AmountPlaceholder(language),
            },
            CardInputKind.Choice => new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["style"] = "compact",
                ["choices"] = new JsonArray([.. input.Choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Kind, "Unknown card input kind."),
        };
        // Keep "type" first, as the schema examples write it.
        var ordered = new JsonObject { ["type"] = element["type"]!.GetValue<string>(), ["id"] = id, ["label"] = input.Label };
        foreach (var (key, value) in element)
        {
            if (key != "type") ordered[key] = value?.DeepClone();
        }
        if (input.Placeholder is { } placeholder) ordered["placeholder"] = placeholder;
        if (input.Value is { } value1) ordered["value"] = value1;
        if (input.Required) ordered["isRequired"] = true;
        ordered["errorMessage"] = input.Kind == CardInputKind.Amount ? AdaptiveText.AmountError(language) : AdaptiveText.Required(language);
        return ordered;
    }
}
