namespace Allometry.Adapters.Slack.WebApi;

using System.Text.Json.Nodes;

/// <summary>A page of <c>conversations.history</c>.</summary>
/// <param name="Messages">The messages, newest first.</param>
/// <param name="NextCursor">The cursor of the next (older) page; null when there is none or Slack gave none.</param>
/// <param name="HasMore">Slack says more messages match than this page holds.</param>
internal sealed record SlackHistoryPage(IReadOnlyList<JsonObject> Messages, string? NextCursor, bool HasMore);
