namespace Allometry.Adapters.Slack.Security;

using System.Collections.Concurrent;

/// <summary>
/// Refuses a signed request seen before. A signature is only good while its timestamp is within the
/// tolerance window, so remembering signatures for that window stops a captured request from being
/// played again (Slack's own retries are new requests with fresh timestamps and signatures).
/// </summary>
internal sealed class ReplayGuard(TimeProvider time)
{
    private const int Limit = 200_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time this signature is presented within <paramref name="window"/>.</summary>
    public bool FirstUse(string signature, TimeSpan window)
    {
        var now = time.GetUtcNow();
        if (_seen.Count > Limit)
        {
            foreach (var (key, until) in _seen)
            {
                if (until < now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }
        // Twice the window: a timestamp may be up to one window in the past or in the future.
        var expires = now + window + window;
        if (_seen.TryAdd(signature, expires))
        {
            return true;
        }
        if (_seen.TryGetValue(signature, out var existing) && existing < now && _seen.TryUpdate(signature, expires, existing))
        {
            return true;
        }
        return false;
    }
}
