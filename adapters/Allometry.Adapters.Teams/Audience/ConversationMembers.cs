namespace Allometry.Adapters.Teams.Audience;

using System.Collections.Concurrent;
using Allometry.Adapters.Teams.Connector;

/// <summary>
/// The members of Teams conversations, read page by page from the connector and kept per conversation for
/// <see cref="TeamsOptions.MembersCacheLifetime"/>: a digest posts dozens of cards into one channel, which
/// must not cost dozens of roster reads. A thread's members are its channel's. Concurrent reads of one
/// conversation share one fetch; a failed fetch is not kept.
/// </summary>
internal sealed class ConversationMembers(ConnectorClient connector, TeamsOptions options, TimeProvider time)
{
    /// <summary>The largest page the connector serves.</summary>
    public const int PageSize = 500;

    /// <summary>Pages read at most per conversation (a team of 10 000): enough to find every linked person, bounded.</summary>
    public const int MaxPages = 20;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, Lazy<Task<IReadOnlyList<ConversationMember>>> Members)> _cache =
        new(StringComparer.Ordinal);

    /// <summary>The conversation's members (cached).</summary>
    /// <exception cref="Allometry.Core.Cards.ChannelDeliveryException">The connector refused or failed.</exception>
    public async Task<IReadOnlyList<ConversationMember>> GetAsync(string? serviceUrl, string conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var key = RosterOf(conversationId);
        var now = time.GetUtcNow();
        var entry = _cache.AddOrUpdate(key,
            _ => Fresh(serviceUrl, key, now),
            (_, old) => old.Until > now && !old.Members.Value.IsFaulted && !old.Members.Value.IsCanceled ? old : Fresh(serviceUrl, key, now));
        try
        {
            return await entry.Members.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Members.Value.IsFaulted || entry.Members.Value.IsCanceled)
        {
            _cache.TryRemove(new KeyValuePair<string, (DateTimeOffset, Lazy<Task<IReadOnlyList<ConversationMember>>>)>(key, entry));
            throw;
        }
    }

    /// <summary>Forgets a conversation's members (someone joined or left: Teams said so with a <c>conversationUpdate</c>).</summary>
    public void Forget(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        _cache.TryRemove(RosterOf(conversationId), out _);
    }

    /// <summary>The conversation whose roster applies: a channel thread's is its channel's.</summary>
    public static string RosterOf(string conversationId) => BlockedConversations.KeysOf(conversationId)[^1];

    private (DateTimeOffset, Lazy<Task<IReadOnlyList<ConversationMember>>>) Fresh(string? serviceUrl, string conversationId, DateTimeOffset now) =>
        (now + options.MembersCacheLifetime, new Lazy<Task<IReadOnlyList<ConversationMember>>>(
            // Not the caller's token: the fetch is shared, one caller giving up must not fail the others.
            () => FetchAsync(serviceUrl, conversationId, CancellationToken.None)));

    private async Task<IReadOnlyList<ConversationMember>> FetchAsync(string? serviceUrl, string conversationId, CancellationToken ct)
    {
        var members = new List<ConversationMember>();
        string? continuation = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await connector.GetPagedMembersAsync(serviceUrl, conversationId, PageSize, continuation, ct).ConfigureAwait(false);
            members.AddRange(result.Members ?? []);
            continuation = result.ContinuationToken;
            if (string.IsNullOrEmpty(continuation)) break;
        }
        return members;
    }
}
