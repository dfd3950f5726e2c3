namespace Allometry.Adapters.Slack.Channel;

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
/// </summary>
internal sealed class SlackChatChannel(SlackWebApi api, SlackTokenSource tokens, ActionFormStore forms) : IChatChannel
{
    public Platform Platform => Platform.Slack;

    public async Task<PostedCard> PostAsync(ChannelAddress address, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(card);
        var ts = await Deliver(address.Realm, async token =>
        {
            await forms.RememberAsync(card, ct).ConfigureAwait(false);
            return await api.PostMessageAsync(token, address.ConversationId, BlockKitRenderer.Render(card), threadTs: null, ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        return new PostedCard(address, ts);
    }

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
