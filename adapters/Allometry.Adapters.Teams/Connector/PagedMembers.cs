namespace Allometry.Adapters.Teams.Connector;

/// <summary>One page of <c>GET v3/conversations/{id}/pagedmembers</c>; a continuation token means there are more.</summary>
internal sealed record PagedMembers(IReadOnlyList<ConversationMember>? Members, string? ContinuationToken);
