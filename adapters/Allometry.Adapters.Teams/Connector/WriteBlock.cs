namespace Allometry.Adapters.Teams.Connector;

/// <summary>A conversation the connector refused writes to (a row of <c>teams_write_blocks</c>).</summary>
/// <param name="ConversationId">The id posts were addressed to.</param>
/// <param name="Realm">The Entra tenant, when the post that was refused knew it.</param>
/// <param name="ErrorCode">The connector's error code (<c>MessageWritesBlocked</c>).</param>
/// <param name="HttpStatus">The connector's HTTP status (403).</param>
/// <param name="BlockedAt">When the connector first refused.</param>
/// <param name="RefusedPosts">Posts refused since, without calling the connector.</param>
/// <param name="LastRefusedAt">The latest of those, or null.</param>
internal sealed record WriteBlock(
    string ConversationId, string? Realm, string ErrorCode, int HttpStatus, DateTimeOffset BlockedAt, int RefusedPosts, DateTimeOffset? LastRefusedAt);
