namespace Allometry.Adapters.Teams.Connector;

/// <summary>The connector's answer to <c>POST v3/conversations</c>: the new conversation (or thread) and the first activity's id.</summary>
internal sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);
