namespace Allometry.Adapters.Teams.Cards;

using System.Text.Json.Nodes;
using Allometry.Core.Cards;
using static Allometry.Adapters.Teams.Cards.AdaptiveElements;

/// <summary>"Which one did you mean?": the prompt, then one full-width button per choice (an ActionSet each, so none is cut by the host's action limit).</summary>
internal static class ChoiceListLayout
{
    public static JsonArray Body(ChoiceListCard card, AdaptiveActionWriter writer)
    {
        var body = new JsonArray { Text(card.Prompt, weight: "Bolder") };
        foreach (var choice in card.Choices)
        {
            // Secondary would hide a choice in an overflow menu; every choice is a first-class answer here.
            body.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["spacing"] = "Small",
                ["actions"] = new JsonArray(writer.Action(choice with { Secondary = false })),
            });
        }
        return body;
    }
}
