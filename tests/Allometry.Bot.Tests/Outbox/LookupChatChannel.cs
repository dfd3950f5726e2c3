namespace Allometry.Bot.Tests.Outbox;

using System.Collections.Concurrent;
using Allometry.Core.Cards;
using Allometry.Core.People;

/// <summary>
/// An in-process platform whose posts carry their post key and can be found again, like Slack's
/// metadata and conversations.history; <see cref="LookupFailure"/> makes every lookup fail.
/// </summary>
internal sealed class LookupChatChannel(Platform platform) : IChatChannel, IPostLookup
{
    public Platform Platform => platform;

    /// <summary>Every post that landed: conversation, post key (null when posted without one), message id.</summary>
    public ConcurrentQueue<(string Conversation, string? PostKey, string MessageId)> Posts { get; } = new();

    /// <summary>Lookups asked: conversation, post key, since.</summary>
    public ConcurrentQueue<(string Conversation, string PostKey, DateTimeOffset Since)> Lookups { get; } = new();

    public ChannelDeliveryException? LookupFailure { get; init; }

    /// <summary>Lookups answered with a throttle (Retry-After 100 ms) before the platform answers.</summary>
    public int ThrottleLookups { get; set; }

    /// <summary>Posts that land and then fail as a lost connection does (the answer never arrives).</summary>
    public int LoseAnswers { get; set; }

    /// <summary>How long a post takes before it lands (cancellable, like an HTTP call).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Asked as each post with a latency starts: when the lease of the attempt making it ends.</summary>
    public Func<Task<DateTimeOffset>>? LeaseEndAtCall { get; init; }

    /// <summary>
    /// For each post with a latency that was cut: its attempt's lease end, and when the caller asked
    /// for the cut (its token's cancellation, seen as it happens rather than when a busy thread
    /// pool resumes the call).
    /// </summary>
    public ConcurrentQueue<(DateTimeOffset LeaseEnd, DateTimeOffset CutAt)> Cuts { get; } = new();

    /// <summary>A post that landed without being recorded, as a dispatcher killed after the platform's "ok" leaves it.</summary>
    public string Landed(ChannelAddress address, string postKey)
    {
        var id = $"{address.ConversationId}.{Guid.NewGuid():N}";
        Posts.Enqueue((address.ConversationId, postKey, id));
        return id;
    }

    public Task<PostedCard> PostAsync(ChannelAddress address, Card card, CancellationToken ct) => Post(address, null, ct);

    public Task<PostedCard> PostAsync(ChannelAddress address, Card card, string postKey, CancellationToken ct) => Post(address, postKey, ct);

    public Task<PostedCard?> FindPostAsync(ChannelAddress address, string postKey, DateTimeOffset since, CancellationToken ct)
    {
        Lookups.Enqueue((address.ConversationId, postKey, since));
        if (LookupFailure is not null) throw LookupFailure;
        if (ThrottleLookups > 0)
        {
            ThrottleLookups--;
            throw new ChannelDeliveryException("ratelimited", permanent: false, TimeSpan.FromMilliseconds(100));
        }
        var found = Posts.FirstOrDefault(p => p.Conversation == address.ConversationId && p.PostKey == postKey);
        return Task.FromResult(found.MessageId is null ? null : new PostedCard(address, found.MessageId));
    }

    public Task UpdateAsync(PostedCard posted, Card card, CancellationToken ct) => Task.CompletedTask;

    public Task DeleteAsync(PostedCard posted, CancellationToken ct) => Task.CompletedTask;

    private async Task<PostedCard> Post(ChannelAddress address, string? postKey, CancellationToken ct)
    {
        if (Latency > TimeSpan.Zero)
        {
            var leaseEnd = LeaseEndAtCall is null ? DateTimeOffset.MaxValue : await LeaseEndAtCall();
            using var cut = ct.Register(() => Cuts.Enqueue((leaseEnd, DateTimeOffset.UtcNow)));
            await Task.Delay(Latency, ct);
        }
        var id = $"{address.ConversationId}.{Guid.NewGuid():N}";
        Posts.Enqueue((address.ConversationId, postKey, id));
        if (LoseAnswers > 0)
        {
            LoseAnswers--;
            throw new ChannelDeliveryException("transport", permanent: false);
        }
        return new PostedCard(address, id);
    }
}
