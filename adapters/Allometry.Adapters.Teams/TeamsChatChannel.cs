namespace Allometry.Adapters.Teams;

using Allometry.Adapters.Teams.Activities;
using Allometry.Adapters.Teams.Audience;
using Allometry.Adapters.Teams.Connector;
using Allometry.Core.Cards;
using Allometry.Core.People;
using Microsoft.Extensions.Logging;

/// <summary>
/// The outbox's door to Teams: posts a card into a channel (as a new thread), a chat, a thread or a user's
/// 1:1 chat, replaces it in place, deletes it. Failures are <see cref="ChannelDeliveryException"/>s.
/// A conversation whose writes the connector refused (<c>MessageWritesBlocked</c>, on any instance) is not
/// called again: the post fails permanently as <see cref="ChannelDeliveryException.ConversationBlocked"/>.
/// </summary>
internal sealed class TeamsChatChannel(
    ConnectorClient connector,
    BlockedConversations blocked,
    RefreshAudience audience,
    TeamsOptions options,
    ILogger<TeamsChatChannel> logger) : IChatChannel
{
    public Platform Platform => Platform.Teams;

    public async Task<PostedCard> PostAsync(ChannelAddress address, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(card);
        await RefuseIfBlockedAsync(address.ConversationId, ct).ConfigureAwait(false);
        try
        {
            return await DeliverAsync(address, card, ct).ConfigureAwait(false);
        }
        catch (ChannelDeliveryException ex) when (ex.Reason == ConnectorErrors.MessageWritesBlocked)
        {
            // A 1:1 addressed by the user's 29: id went to the chat created for it: both ids are blocked.
            await RecordAsync(address, ex, ct).ConfigureAwait(false);
            throw;
        }
    }

    public async Task UpdateAsync(PostedCard posted, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(card);
        await RefuseIfBlockedAsync(posted.Address.ConversationId, ct).ConfigureAwait(false);
        try
        {
            var viewers = await audience.ForAsync(card, posted.Address, ct).ConfigureAwait(false);
            await connector.UpdateAsync(posted.Address.ServiceUrl, posted.Address.ConversationId, posted.MessageId,
                CardActivities.Message(card, posted.MessageId, refreshUserIds: viewers), ct).ConfigureAwait(false);
        }
        catch (ChannelDeliveryException ex) when (ex.Reason == ConnectorErrors.MessageWritesBlocked)
        {
            await RecordAsync(posted.Address, ex, ct).ConfigureAwait(false);
            throw;
        }
    }

    public async Task DeleteAsync(PostedCard posted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(posted);
        await RefuseIfBlockedAsync(posted.Address.ConversationId, ct).ConfigureAwait(false);
        await connector.DeleteAsync(posted.Address.ServiceUrl, posted.Address.ConversationId, posted.MessageId, ct).ConfigureAwait(false);
    }

    private async Task<PostedCard> DeliverAsync(ChannelAddress address, Card card, CancellationToken ct)
    {
        var conversationId = address.ConversationId;
        if (ConversationParameters.IsChannel(conversationId))
        {
            // The new thread's readers are the channel's members.
            var message = CardActivities.Message(card, refreshUserIds: await audience.ForAsync(card, address, ct).ConfigureAwait(false));
            var thread = await connector.CreateConversationAsync(address.ServiceUrl,
                ConversationParameters.ChannelThread(conversationId, address.Realm, message), ct).ConfigureAwait(false);
            if (thread.Id is null || thread.ActivityId is null) throw new ChannelDeliveryException("create_conversation_without_id", permanent: false);
            return new PostedCard(address with { ConversationId = thread.Id }, thread.ActivityId);
        }
        if (ConversationParameters.IsUser(conversationId))
        {
            var botId = "28:" + (options.AppId ?? "local");
            var chat = await connector.CreateConversationAsync(address.ServiceUrl,
                ConversationParameters.Personal(botId, conversationId, address.Realm), ct).ConfigureAwait(false);
            conversationId = chat.Id ?? throw new ChannelDeliveryException("create_conversation_without_id", permanent: false);
            // Teams gives a user and the bot one personal chat: a block recorded on it (a refused update) holds here too.
            await RefuseIfBlockedAsync(conversationId, ct).ConfigureAwait(false);
        }
        // A 1:1's reader is known once its chat exists.
        var viewers = await audience.ForAsync(card, address with { ConversationId = conversationId }, ct).ConfigureAwait(false);
        var sent = await connector.SendAsync(address.ServiceUrl, conversationId, CardActivities.Message(card, refreshUserIds: viewers), ct).ConfigureAwait(false);
        return new PostedCard(address with { ConversationId = conversationId },
            sent.Id ?? throw new ChannelDeliveryException("send_without_id", permanent: false));
    }

    private async Task RefuseIfBlockedAsync(string conversationId, CancellationToken ct)
    {
        if (await blocked.RefuseIfBlockedAsync(BlockedConversations.KeysOf(conversationId), ct).ConfigureAwait(false) is { } block)
        {
            logger.LogInformation("Teams conversation {Conversation} is blocked since {BlockedAt:o} ({Code}); post refused without calling the connector",
                block.ConversationId, block.BlockedAt, block.ErrorCode);
            throw new ChannelDeliveryException(ChannelDeliveryException.ConversationBlocked, permanent: true);
        }
    }

    private Task RecordAsync(ChannelAddress address, ChannelDeliveryException refusal, CancellationToken ct) =>
        blocked.RecordAsync([address.ConversationId], address.Realm, refusal.Reason, ConnectorErrors.BlockedStatus, ct);
}
