namespace Allometry.Adapters.Slack.WebApi;

using System.Collections.Concurrent;

/// <summary>
/// At most one <c>chat.postMessage</c> per second per channel (Slack's documented pace): each post
/// reserves the next free second of its channel and waits for it, so bursts queue instead of
/// earning 429s.
/// </summary>
internal sealed class ChannelPostThrottle(TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);

    public async Task WaitTurnAsync(string channel, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        DateTimeOffset slot;
        while (true)
        {
            var last = _nextSlot.GetOrAdd(channel, now);
            slot = last > now ? last : now;
            if (_nextSlot.TryUpdate(channel, slot + Interval, last))
            {
                break;
            }
        }
        if (_nextSlot.Count > 10_000)
        {
            // Forget channels whose slot is long past, so the map stays bounded.
            foreach (var (key, value) in _nextSlot)
            {
                if (value < now - TimeSpan.FromMinutes(1))
                {
                    _nextSlot.TryRemove(key, out _);
                }
            }
        }
        var wait = slot - now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }
}
