namespace Allometry.Core.Actions;

using Allometry.Core.People;

/// <summary>The chat message an action was taken from (Slack channel + ts, Teams conversation + activity id), for the audit trail and in-place updates.</summary>
public sealed record MessageReference(Platform Platform, string ConversationId, string MessageId);
