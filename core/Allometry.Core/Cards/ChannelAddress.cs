namespace Allometry.Core.Cards;

using Allometry.Core.People;

/// <summary>Where to post: a Slack channel in a workspace, a Teams channel/chat in a tenant, a web-chat conversation.</summary>
/// <param name="Platform">The chat platform.</param>
/// <param name="Realm">Slack team id, Entra tenant id, or "local".</param>
/// <param name="ConversationId">Slack channel id, Teams conversation id, web-chat conversation id.</param>
/// <param name="ServiceUrl">Teams/Direct Line: the service URL replies go to; null elsewhere.</param>
public sealed record ChannelAddress(Platform Platform, string Realm, string ConversationId, string? ServiceUrl = null);
