namespace Allometry.Adapters.Teams;

using Allometry.Adapters.Teams.Activities;
using Allometry.Adapters.Teams.Connector;
using Allometry.Core.Cards;
using Allometry.Core.People;

/// <summary>
/// The outbox's door to the local web chat. Web Chat is a Bot Framework channel (Direct Line): cards go
/// through the same connector REST calls as Teams, to the Direct Line channel's service URL, rendered
/// with <c>Action.Submit</c> buttons because Web Chat does not send Universal Actions invokes.
/// </summary>
internal sealed class WebChatChannel(ConnectorClient connector) : IChatChannel
{
    public Platform Platform => Platform.WebChat;

    public async Task<PostedCard> PostAsync(ChannelAddress address, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(card);
        var sent = await connector.SendAsync(address.ServiceUrl, address.ConversationId, CardActivities.Message(card, platform: Platform.WebChat), ct)
            .ConfigureAwait(false);
        return new PostedCard(address, sent.Id ?? throw new ChannelDeliveryException("send_without_id", permanent: false));
    }

    public Task UpdateAsync(PostedCard posted, Card card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(card);
        return connector.UpdateAsync(posted.Address.ServiceUrl, posted.Address.ConversationId, posted.MessageId,
            CardActivities.Message(card, posted.MessageId, Platform.WebChat), ct);
    }

    public Task DeleteAsync(PostedCard posted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return connector.DeleteAsync(posted.Address.ServiceUrl, posted.Address.ConversationId, posted.MessageId, ct);
    }
}
