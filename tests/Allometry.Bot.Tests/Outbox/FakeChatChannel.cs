namespace Allometry.Bot.Tests.Outbox;

using System.Collections.Concurrent;
using System.Diagnostics;
using Allometry.Core.Cards;
using Allometry.Core.People;

/// <summary>
/// An in-process chat platform for the dispatcher's own tests: it records every call with its
/// time, and a failure policy decides per call whether it throttles, fails or succeeds. A
/// message is identified by its card's fallback text (the tests make it unique).
/// </summary>
internal sealed class FakeChatChannel(Platform platform, Func<ChannelAddress, int, Exception?>? failures = null) : IChatChannel
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _calls;

    public Platform Platform => platform;

    /// <summary>Every call: conversation, time since creation, and the exception it threw (null when it succeeded).</summary>
    public ConcurrentQueue<(string Conversation, TimeSpan At, Exception? Error)> Calls { get; } = new();

    /// <summary>The messages accepted, by fallback text, in order.</summary>
    public ConcurrentQueue<(string Conversation, string Text, string MessageId)> Delivered { get; } = new();

    /// <summary>Updates accepted: the posted message id and the card's text.</summary>
    public ConcurrentQueue<(string MessageId, string Text)> Updated { get; } = new();

    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    public async Task<PostedCard> PostAsync(ChannelAddress address, Card card, CancellationToken ct)
    {
        await CallAsync(address, ct);
        var id = $"{address.ConversationId}.{Guid.NewGuid():N}";
        Delivered.Enqueue((address.ConversationId, card.FallbackText, id));
        return new PostedCard(address, id);
    }

    public async Task UpdateAsync(PostedCard posted, Card card, CancellationToken ct)
    {
        await CallAsync(posted.Address, ct);
        Updated.Enqueue((posted.MessageId, card.FallbackText));
    }

    public Task DeleteAsync(PostedCard posted, CancellationToken ct) => CallAsync(posted.Address, ct);

    private async Task CallAsync(ChannelAddress address, CancellationToken ct)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, ct);
        var error = failures?.Invoke(address, Interlocked.Increment(ref _calls));
        Calls.Enqueue((address.ConversationId, _clock.Elapsed, error));
        if (error is not null) throw error;
    }
}
