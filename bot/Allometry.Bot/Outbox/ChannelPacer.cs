namespace Allometry.Bot.Outbox;

using Allometry.Core.Cards;

/// <summary>
/// Paces deliveries to the platforms' published limits with one bucket per conversation (and
/// per realm for Teams' per-tenant limit). Each bucket is a generic cell rate: it remembers when
/// its next message may go, so a rate of r per second lets one message through every 1/r seconds
/// and never more in any second. A reservation takes the latest slot of its buckets.
/// </summary>
/// <remarks>
/// In-process: two dispatchers pace independently. The outbox's lanes already keep one message in
/// flight per conversation across instances; a platform's 429 with Retry-After covers the rest.
/// </remarks>
internal sealed class ChannelPacer(TimeProvider time, Func<Core.People.Platform, PlatformRateLimits>? limits = null)
{
    private readonly Dictionary<string, DateTimeOffset> _nextFree = new(StringComparer.Ordinal);
    private readonly Func<Core.People.Platform, PlatformRateLimits> _limits = limits ?? PlatformRateLimits.For;
    private readonly Lock _gate = new();

    /// <summary>
    /// When a message to <paramref name="address"/> may go. Within <paramref name="horizon"/> the
    /// slot is reserved and returned; beyond it nothing is reserved and the slot is only a hint
    /// (null reserved) of when to try again.
    /// </summary>
    public (DateTimeOffset At, bool Reserved) Reserve(ChannelAddress address, TimeSpan horizon)
    {
        var now = time.GetUtcNow();
        var limit = _limits(address.Platform);
        var conversation = ConversationKey(address);
        var realm = RealmKey(address);
        lock (_gate)
        {
            var at = Later(now, Free(conversation));
            if (limit.PerRealm is not null) at = Later(at, Free(realm));
            if (at - now > horizon) return (at, false);
            _nextFree[conversation] = at + Interval(limit.PerConversation);
            if (limit.PerRealm is { } perRealm) _nextFree[realm] = at + Interval(perRealm);
            return (at, true);
        }
    }

    /// <summary>
    /// A call to <paramref name="address"/> finished: the conversation's next message goes no
    /// sooner than one interval after it. The platform counts arrivals, and a call that took long
    /// to arrive (a cold connection) would otherwise leave the next one too close behind it.
    /// </summary>
    public void Completed(ChannelAddress address)
    {
        var next = time.GetUtcNow() + Interval(_limits(address.Platform).PerConversation);
        lock (_gate)
        {
            var key = ConversationKey(address);
            _nextFree[key] = Later(next, Free(key));
        }
    }

    /// <summary>The platform said "wait": nothing more goes to that conversation (and realm) before <paramref name="retryAfter"/>.</summary>
    public void Throttled(ChannelAddress address, TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (_gate)
        {
            _nextFree[ConversationKey(address)] = Later(until, Free(ConversationKey(address)));
            if (_limits(address.Platform).PerRealm is not null) _nextFree[RealmKey(address)] = Later(until, Free(RealmKey(address)));
        }
    }

    private DateTimeOffset Free(string key) => _nextFree.TryGetValue(key, out var at) ? at : DateTimeOffset.MinValue;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Interval(double perSecond) => TimeSpan.FromSeconds(1 / perSecond);

    private static string ConversationKey(ChannelAddress a) => $"{a.Platform}|{a.Realm}|{a.ConversationId}";

    private static string RealmKey(ChannelAddress a) => $"{a.Platform}|{a.Realm}";
}
