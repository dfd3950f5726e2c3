namespace Allometry.Adapters.Teams.Connector;

using System.Collections.Concurrent;

/// <summary>
/// Conversations whose user blocked the bot (connector 403 <c>MessageWritesBlocked</c>): recorded so later
/// posts stop quietly without calling the connector again. Kept for the life of the process; the user
/// unblocking the bot reinstalls it, which sends a fresh installation event.
/// </summary>
internal sealed class BlockedConversations
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blocked = new(StringComparer.Ordinal);

    public void Record(string conversationId, DateTimeOffset at) => _blocked[conversationId] = at;

    public bool IsBlocked(string conversationId) => _blocked.ContainsKey(conversationId);

    public void Clear(string conversationId) => _blocked.TryRemove(conversationId, out _);

    public IReadOnlyCollection<string> All => [.. _blocked.Keys];
}
