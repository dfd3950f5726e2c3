namespace Allometry.Adapters.DirectLine.Tokens;

/// <summary>What a conversation token grants: one user, optionally bound to one conversation, until it expires.</summary>
internal sealed record DirectLineToken(string UserId, string UserName, string? ConversationId, DateTimeOffset ExpiresAt);
