namespace Allometry.Adapters.Teams.Activities;

using System.Collections.Concurrent;

/// <summary>
/// Teams announces one installation twice (<c>installationUpdate</c> add and <c>conversationUpdate</c> with the
/// bot in <c>membersAdded</c>); the second within <see cref="Window"/> is ignored so the welcome card is posted once.
/// </summary>
internal sealed class InstallationMemory(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time a conversation is seen within the window.</summary>
    public bool FirstTime(string conversationId)
    {
        var now = time.GetUtcNow();
        foreach (var (id, at) in _seen)
        {
            if (now - at > Window) _seen.TryRemove(id, out _);
        }
        return _seen.TryAdd(conversationId, now);
    }
}
