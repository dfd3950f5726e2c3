namespace Allometry.Adapters.Teams;

using Allometry.Adapters.Teams.Activities;
using Allometry.Adapters.Teams.Connector;
using Allometry.Core.Cards;
using Allometry.Core.People;

/// <summary>
/// The outbox's door to Teams: posts a card into a channel (as a new thread), a chat, a thread or a user's
/// 1:1 chat, replaces it in place, deletes it. Failures are <see cref="ChannelDeliveryException"/>s.
/// </summary>
internal sealed class TeamsChatChannel(ConnectorClient connector, TeamsOptions options) : IChatChannel
{
    public Platform Platform => Platform.Teams;

    public async Task<PostedCard> PostAsync(ChannelAddress address, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(card);
        var message = CardActivities.Message(card);
        var conversationId = address.ConversationId;
        if (ConversationParameters.IsChannel(conversationId))
        {
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
        }
        var sent = await connector.SendAsync(address.ServiceUrl, conversationId, message, ct).ConfigureAwait(false);
        return new PostedCard(address with { ConversationId = conversationId },
            sent.Id ?? throw new ChannelDeliveryException("send_without_id", permanent: false));
    }

    public Task UpdateAsync(PostedCard posted, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(card);
        return connector.UpdateAsync(posted.Address.ServiceUrl, posted.Address.ConversationId, posted.MessageId,
            CardActivities.Message(card, posted.MessageId), ct);
    }

    public Task DeleteAsync(PostedCard posted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return connector.DeleteAsync(posted.Address.ServiceUrl, posted.Address.ConversationId, posted.MessageId, ct);
    }
}
