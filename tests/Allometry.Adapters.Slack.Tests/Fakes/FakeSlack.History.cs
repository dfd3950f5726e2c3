namespace Allometry.Adapters.Slack.Tests.Fakes;

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

// conversations.history as Slack answers it: the channel's messages newest first, only those
// after `oldest`, `limit` per page (or fewer), `has_more` with an opaque `next_cursor` in
// `response_metadata`, and each message's `metadata` only when `include_all_metadata` is true.
internal sealed partial class FakeSlack
{
    private readonly Dictionary<string, List<JsonObject>> _history = new(StringComparer.Ordinal);
    private readonly Lock _historyGate = new();

    /// <summary>The most messages one history page returns, whatever the caller's limit (Slack may return fewer than asked).</summary>
    public int MaxHistoryPage { get; set; } = 999;

    /// <summary>Adds a message someone else posted to <paramref name="channel"/>'s history (a person's, another app's).</summary>
    public void AddHistory(string channel, string ts, string text, JsonObject? metadata = null)
    {
        var message = new JsonObject { ["type"] = "message", ["user"] = "U0PERSON", ["text"] = text, ["ts"] = ts };
        if (metadata is not null) message["metadata"] = metadata;
        lock (_historyGate) Messages(channel).Add(message);
    }

    /// <summary>A fresh message ts as Slack stamps it: the Unix time of posting in microseconds, unique per workspace.</summary>
    private string NextTs()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        long taken;
        while (true)
        {
            var last = Interlocked.Read(ref _ts);
            taken = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _ts, taken, last) == last) break;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{taken / 1_000_000}.{taken % 1_000_000:D6}");
    }

    private void Remember(string channel, string ts, JsonObject body)
    {
        var message = new JsonObject
        {
            ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = "B0ALLOMETRY", ["app_id"] = "A0KRD7HC3",
            ["text"] = body["text"]?.DeepClone(), ["ts"] = ts,
        };
        if (body["metadata"] is JsonObject metadata) message["metadata"] = metadata.DeepClone();
        lock (_historyGate) Messages(channel).Add(message);
    }

    private List<JsonObject> Messages(string channel)
    {
        if (!_history.TryGetValue(channel, out var messages)) _history[channel] = messages = [];
        return messages;
    }

    private JsonObject History(JsonObject body)
    {
        string? Field(string key) => body[key]?.GetValue<string>();
        var channel = Field("channel");
        if (channel is null) return new JsonObject { ["ok"] = false, ["error"] = "channel_not_found" };
        var oldest = Field("oldest") is { } o ? decimal.Parse(o, CultureInfo.InvariantCulture) : 0m;
        var limit = Math.Min(MaxHistoryPage, Field("limit") is { } l ? int.Parse(l, CultureInfo.InvariantCulture) : 100);
        var metadata = Field("include_all_metadata") is "true" or "1";
        decimal? before = null;
        if (Field("cursor") is { Length: > 0 } cursor)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (!decoded.StartsWith("next_ts:", StringComparison.Ordinal)) return new JsonObject { ["ok"] = false, ["error"] = "invalid_cursor" };
            before = decimal.Parse(decoded["next_ts:".Length..], CultureInfo.InvariantCulture);
        }
        List<JsonObject> matching;
        lock (_historyGate)
        {
            matching = [.. Messages(channel)
                .Select(m => (Ts: decimal.Parse(m["ts"]!.GetValue<string>(), CultureInfo.InvariantCulture), Message: m))
                .Where(m => m.Ts > oldest && (before is null || m.Ts <= before))
                .OrderByDescending(m => m.Ts)
                .Select(m => m.Message)];
        }
        var page = new JsonArray();
        foreach (var message in matching.Take(limit))
        {
            var copy = (JsonObject)message.DeepClone();
            if (!metadata) copy.Remove("metadata");
            page.Add(copy);
        }
        var hasMore = matching.Count > limit;
        var next = hasMore ? Convert.ToBase64String(Encoding.UTF8.GetBytes("next_ts:" + matching[limit]["ts"]!.GetValue<string>())) : "";
        return new JsonObject
        {
            ["ok"] = true, ["messages"] = page, ["has_more"] = hasMore, ["pin_count"] = 0,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        };
    }
}
