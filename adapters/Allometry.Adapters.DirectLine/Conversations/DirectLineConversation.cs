namespace Allometry.Adapters.DirectLine.Conversations;

using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;

/// <summary>
/// One conversation's activity log. Every activity, the user's and the bot's, gets the next
/// sequence number; the watermark a client holds is the last number it has seen. An update of a
/// bot activity is appended again under the same activity id, which Web Chat renders in place of
/// the earlier copy.
/// </summary>
internal sealed class DirectLineConversation(string id, string userId, int capacity, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly List<Entry> log = [];
    private readonly List<Channel<long>> listeners = [];
    private long sequence;
    private long nextActivityNumber;

    public string Id { get; } = id;

    /// <summary>The only user who may read and write this conversation.</summary>
    public string UserId { get; } = userId;

    public DateTimeOffset LastUsed { get; private set; } = time.GetUtcNow();

    /// <summary>Appends a new activity, giving it an id and a timestamp; returns its id.</summary>
    public string Append(JsonObject activity)
    {
        lock (gate)
        {
            var activityId = string.Create(CultureInfo.InvariantCulture, $"{Id}|{++nextActivityNumber:D7}");
            activity["id"] = activityId;
            activity["timestamp"] ??= time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            AddLocked(activityId, activity);
            return activityId;
        }
    }

    /// <summary>Replaces an activity: the new content is appended under the old id and keeps the old timestamp (its place in the transcript).</summary>
    public bool Replace(string activityId, JsonObject activity)
    {
        lock (gate)
        {
            var previous = log.FindLast(e => e.ActivityId == activityId);
            if (previous is null)
            {
                return false;
            }
            activity["id"] = activityId;
            activity["timestamp"] = previous.Activity["timestamp"]?.DeepClone();
            AddLocked(activityId, activity);
            return true;
        }
    }

    /// <summary>The activities after <paramref name="watermark"/>, and the new watermark.</summary>
    public (IReadOnlyList<JsonObject> Activities, long Watermark) Since(long watermark)
    {
        lock (gate)
        {
            LastUsed = time.GetUtcNow();
            return ([.. log.Where(e => e.Sequence > watermark).Select(e => (JsonObject)e.Activity.DeepClone())], sequence);
        }
    }

    /// <summary>The most recent copy of each bot activity, newest first (to find which card a submit came from).</summary>
    public IReadOnlyList<JsonObject> LatestBotActivities(string botId)
    {
        lock (gate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<JsonObject>();
            for (var i = log.Count - 1; i >= 0; i--)
            {
                var e = log[i];
                if (seen.Add(e.ActivityId) && (string?)e.Activity["from"]?["id"] == botId)
                {
                    result.Add(e.Activity);
                }
            }
            return result;
        }
    }

    /// <summary>Wakes when new activities arrive (the WebSocket stream listens here).</summary>
    public ChannelReader<long> Listen()
    {
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (gate)
        {
            listeners.Add(channel);
        }
        return channel.Reader;
    }

    public void StopListening(ChannelReader<long> reader)
    {
        lock (gate)
        {
            listeners.RemoveAll(l => ReferenceEquals(l.Reader, reader));
        }
    }

    private void AddLocked(string activityId, JsonObject activity)
    {
        log.Add(new Entry(++sequence, activityId, activity));
        if (log.Count > capacity)
        {
            log.RemoveRange(0, log.Count - capacity);
        }
        LastUsed = time.GetUtcNow();
        foreach (var listener in listeners)
        {
            listener.Writer.TryWrite(sequence);
        }
    }

    private sealed record Entry(long Sequence, string ActivityId, JsonObject Activity);
}
