namespace Allometry.Adapters.Slack.Channel;

using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.Installations;
using Allometry.Adapters.Slack.Interactivity;
using Allometry.Adapters.Slack.BlockKit;
using Allometry.Adapters.Slack.WebApi;
using Allometry.Core.Cards;
using Allometry.Core.People;

/// <summary>
/// The outbox's door to Slack: posts cards with <c>chat.postMessage</c> (the message id is the <c>ts</c>),
/// updates them with <c>chat.update</c>, deletes with <c>chat.delete</c>. Slack's refusals become
/// <see cref="ChannelDeliveryException"/>: permanent for a revoked token, an archived or unknown
/// channel, a bot removed from the channel; retry-later with the delay for rate limits.
/// As <see cref="IPostLookup"/>, each post carries its key in the message's metadata
/// (<c>event_type</c> <see cref="MetadataEventType"/>, <c>event_payload.post_key</c>), and a post is
/// found again by reading <c>conversations.history</c> with its metadata.
/// </summary>
internal sealed class SlackChatChannel(SlackWebApi api, SlackTokenSource tokens, ActionFormStore forms) : IChatChannel, IPostLookup
{
    /// <summary>The metadata event type of Allometry's cards.</summary>
    public const string MetadataEventType = "allometry_card";

    /// <summary>Messages per history page (Slack allows up to 999; it recommends no more than 200).</summary>
    internal const int HistoryPageSize = 200;

    /// <summary>
    /// Pages read before giving up: a channel that saw more than this many messages since the
    /// interrupted post is too busy to search completely, and the post's fate stays unknown.
    /// </summary>
    internal const int HistoryMaxPages = 5;

    public Platform Platform => Platform.Slack;

    public Task<PostedCard> PostAsync(ChannelAddress address, Card card, CancellationToken ct) => PostAsync(address, card, null, ct);

    public async Task<PostedCard> PostAsync(ChannelAddress address, Card card, string? postKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(card);
        var metadata = postKey is null ? null : new JsonObject
        {
            ["event_type"] = MetadataEventType,
            ["event_payload"] = new JsonObject { ["post_key"] = postKey },
        };
        var ts = await Deliver(address.Realm, async token =>
        {
            await forms.RememberAsync(card, ct).ConfigureAwait(false);
            return await api.PostMessageAsync(token, address.ConversationId, BlockKitRenderer.Render(card), threadTs: null, metadata, ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        return new PostedCard(address, ts);
    }

    public async Task<PostedCard?> FindPostAsync(ChannelAddress address, string postKey, DateTimeOffset since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(postKey);
        var ts = await Deliver(address.Realm, async token =>
        {
            string? cursor = null;
            for (var page = 0; page < HistoryMaxPages; page++)
            {
                var history = await api.HistoryAsync(token, address.ConversationId, since, cursor, HistoryPageSize, ct).ConfigureAwait(false);
                if (history.Messages.FirstOrDefault(m => Carries(m, postKey)) is { } found)
                {
                    return found["ts"]?.GetValue<string>() ?? throw new SlackApiException(SlackSurface.ConversationsHistory, "invalid_response");
                }
                if (!history.HasMore) return "";
                // More messages, but no way to reach them: the answer would be incomplete.
                cursor = history.NextCursor ?? throw new SlackApiException(SlackSurface.ConversationsHistory, "history_incomplete");
            }
            throw new SlackApiException(SlackSurface.ConversationsHistory, "history_too_long");
        }, ct).ConfigureAwait(false);
        return ts.Length == 0 ? null : new PostedCard(address, ts);
    }

    private static bool Carries(JsonObject message, string postKey) =>
        message["metadata"] is JsonObject metadata
        && metadata["event_type"] is JsonValue type && type.TryGetValue<string>(out var eventType) && eventType == MetadataEventType
        && metadata["event_payload"]?["post_key"] is JsonValue key && key.TryGetValue<string>(out var carried) && carried == postKey;

    public async Task UpdateAsync(PostedCard posted, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(card);
        await Deliver(posted.Address.Realm, async token =>
        {
            await forms.RememberAsync(card, ct).ConfigureAwait(false);
            await api.UpdateAsync(token, posted.Address.ConversationId, posted.MessageId, BlockKitRenderer.Render(card), ct).ConfigureAwait(false);
            return posted.MessageId;
        }, ct).ConfigureAwait(false);
    }

    public async Task DeleteAsync(PostedCard posted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(posted);
        await Deliver(posted.Address.Realm, async token =>
        {
            await api.DeleteAsync(token, posted.Address.ConversationId, posted.MessageId, ct).ConfigureAwait(false);
            return posted.MessageId;
        }, ct).ConfigureAwait(false);
    }

    private async Task<string> Deliver(string teamId, Func<string, Task<string>> call, CancellationToken ct)
    {
        try
        {
            return await call(await tokens.BotTokenAsync(teamId, ct).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (SlackNotInstalledException ex)
        {
            throw new ChannelDeliveryException("not_installed", permanent: true, inner: ex);
        }
        catch (SlackApiException ex)
        {
            if (ex.Error is SlackApiError.TokenRevoked or SlackApiError.InvalidAuth or SlackApiError.AccountInactive)
            {
                tokens.Forget(teamId);
            }
            throw new ChannelDeliveryException(ex.Code, ex.Permanent, ex.RetryAfter, ex);
        }
    }
}
