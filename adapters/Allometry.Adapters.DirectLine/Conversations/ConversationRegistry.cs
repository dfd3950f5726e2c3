namespace Allometry.Adapters.DirectLine.Conversations;

using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

/// <summary>The live conversations, bounded: when full, the conversation idle the longest makes room.</summary>
internal sealed class ConversationRegistry(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly Lock trimming = new();

    public DirectLineConversation Start(string userId)
    {
        var o = options.Value;
        lock (trimming)
        {
            while (conversations.Count >= o.MaxConversations)
            {
                var oldest = conversations.Values.MinBy(c => c.LastUsed);
                if (oldest is null || !conversations.TryRemove(oldest.Id, out _))
                {
                    break;
                }
            }
        }
        // Direct Line conversation ids are opaque, unguessable strings; '|' separates the activity number.
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var conversation = new DirectLineConversation(id, userId, o.MaxActivitiesPerConversation, time);
        conversations[id] = conversation;
        return conversation;
    }

    public DirectLineConversation? Find(string id) => conversations.GetValueOrDefault(id);
}
