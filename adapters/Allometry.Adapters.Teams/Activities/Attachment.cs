namespace Allometry.Adapters.Teams.Activities;

using System.Text.Json.Nodes;

/// <summary>A card attachment (<c>application/vnd.microsoft.card.adaptive</c>).</summary>
internal sealed record Attachment(string ContentType, JsonObject Content)
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
}
