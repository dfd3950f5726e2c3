namespace Allometry.Adapters.Slack.WebApi;

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

// conversations.history, for the one thing the adapter reads history for: finding a card it
// posted by the metadata the post carried.
internal sealed partial class SlackWebApi
{
    /// <summary>
    /// One page of <paramref name="channel"/>'s messages posted after <paramref name="oldest"/>,
    /// newest first, with their metadata (<c>include_all_metadata</c>); <see cref="SlackHistoryPage.NextCursor"/>
    /// is null on the last page.
    /// </summary>
    /// <seealso href="https://api.slack.com/methods/conversations.history"/>
    public async Task<SlackHistoryPage> HistoryAsync(string token, string channel, DateTimeOffset oldest, string? cursor, int limit, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("channel", channel),
            new("oldest", SlackTimestamp(oldest)),
            new("include_all_metadata", "true"),
            new("limit", limit.ToString(CultureInfo.InvariantCulture)),
        };
        if (cursor is not null) form.Add(new("cursor", cursor));
        var result = await client.CallFormAsync(SlackSurface.ConversationsHistory, new AuthenticationHeaderValue("Bearer", token), form, ct).ConfigureAwait(false);
        if (result["messages"] is not JsonArray messages) throw new SlackApiException(SlackSurface.ConversationsHistory, "invalid_response");
        var next = result["response_metadata"]?["next_cursor"]?.GetValue<string>();
        var hasMore = result["has_more"]?.GetValue<bool>() == true;
        return new SlackHistoryPage([.. messages.OfType<JsonObject>()], hasMore && !string.IsNullOrEmpty(next) ? next : null, hasMore);
    }

    /// <summary>A Slack timestamp (<c>seconds.micros</c>) for <paramref name="instant"/>.</summary>
    public static string SlackTimestamp(DateTimeOffset instant)
    {
        var micros = (instant - DateTimeOffset.UnixEpoch).Ticks / 10;
        if (micros < 0) micros = 0;
        return string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");
    }
}
