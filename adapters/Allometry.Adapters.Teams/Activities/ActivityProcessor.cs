namespace Allometry.Adapters.Teams.Activities;

using Allometry.Adapters.Teams.Audience;
using Allometry.Adapters.Teams.Connector;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Microsoft.Extensions.Logging;

/// <summary>
/// What the bot does with each authenticated activity: messages and Submit clicks go to
/// <see cref="IConversation"/> and the reply's cards go back through the connector; Universal Actions
/// invokes are answered in the HTTP response; installations post the welcome card.
/// </summary>
internal sealed class ActivityProcessor(
    IConversation conversation,
    ConnectorClient connector,
    InstallationMemory installations,
    BlockedConversations blocked,
    ConversationMembers members,
    RefreshAudience audience,
    TeamsOptions options,
    ILogger<ActivityProcessor> logger)
{
    /// <summary>Messages, Submit clicks and installations (run after the HTTP acknowledgement).</summary>
    public async Task ProcessAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Someone joined or left: the next card's refresh audience reads the roster again.
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.Conversation?.Id is { Length: > 0 } updated) members.Forget(updated);
        await UnblockAsync(activity, ct).ConfigureAwait(false);
        switch (activity.Type)
        {
            case ActivityTypes.Message when activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object }:
                await SubmitAsync(activity, ct).ConfigureAwait(false);
                break;
            case ActivityTypes.Message:
                await MessageAsync(activity, ct).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true:
            case ActivityTypes.InstallationUpdate when string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase):
                await InstalledAsync(activity, ct).ConfigureAwait(false);
                break;
            default:
                break;
        }
    }

    /// <summary>An <c>adaptiveCard/action</c> invoke: the clicked card's new state goes in the response.</summary>
    public async Task<InvokeOutcome> InvokeAsync(Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var locale = ActivityLocale.Of(activity);
        if (ActivityMapper.Speaker(activity) is not { } speaker || string.IsNullOrEmpty(activity.Id) ||
            !ActivityMapper.TryToAction(activity, speaker, isInvoke: true, out var action))
        {
            return new InvokeOutcome(InvokeResponse.Error(400, "BadRequest", InvokeTexts.BadAction(locale)));
        }
        ConversationReply reply;
        try
        {
            reply = await conversation.OnActionAsync(action!, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Card action {ActivityId} failed", activity.Id);
            return new InvokeOutcome(InvokeResponse.Error(500, "InternalError", InvokeTexts.Failed(locale)));
        }
        if (reply.Cards.Count == 0) return new InvokeOutcome(InvokeResponse.Message(InvokeTexts.Done(locale)));
        // Without ReplacesOriginal the clicked card stays as it was; every card of the reply is posted instead.
        // The card answered to this clicker (or to this viewer's automatic refresh) keeps refreshing for the others.
        var response = reply.ReplacesOriginal
            ? InvokeResponse.Card(CardActivities.Render(reply.Cards[0], refreshUserIds: await AudienceAsync(activity, reply.Cards[0], ct).ConfigureAwait(false)))
            : InvokeResponse.Message(reply.Cards[0].FallbackText);
        var rest = reply.ReplacesOriginal ? reply.Cards.Skip(1).ToList() : [.. reply.Cards];
        return new InvokeOutcome(response, rest.Count == 0 ? null : followCt => PostAllAsync(activity, rest, followCt));
    }

    private async Task MessageAsync(Activity activity, CancellationToken ct)
    {
        if (ActivityMapper.Speaker(activity) is not { } speaker) return;
        var reply = await conversation.OnMessageAsync(ActivityMapper.ToMessage(activity, speaker), ct).ConfigureAwait(false);
        await PostAllAsync(activity, reply.Cards, ct).ConfigureAwait(false);
    }

    // Clients without Universal Actions send Action.Submit: a message whose value is the data plus inputs.
    private async Task SubmitAsync(Activity activity, CancellationToken ct)
    {
        if (ActivityMapper.Speaker(activity) is not { } speaker || string.IsNullOrEmpty(activity.Id) ||
            !ActivityMapper.TryToAction(activity, speaker, isInvoke: false, out var action))
        {
            return;
        }
        var reply = await conversation.OnActionAsync(action!, ct).ConfigureAwait(false);
        var cards = reply.Cards;
        if (reply.ReplacesOriginal && cards.Count > 0 && !string.IsNullOrEmpty(activity.ReplyToId))
        {
            await connector.UpdateAsync(activity.ServiceUrl, ConversationId(activity), activity.ReplyToId,
                CardActivities.Message(cards[0], activity.ReplyToId, ActivityMapper.PlatformOf(activity), await AudienceAsync(activity, cards[0], ct).ConfigureAwait(false)),
                ct).ConfigureAwait(false);
            cards = [.. cards.Skip(1)];
        }
        await PostAllAsync(activity, cards, ct).ConfigureAwait(false);
    }

    private async Task InstalledAsync(Activity activity, CancellationToken ct)
    {
        var conversationId = ConversationId(activity);
        if (conversationId.Length == 0 || !installations.FirstTime(conversationId)) return;
        var reply = await conversation.OnInstalledAsync(ActivityMapper.ToInstallation(activity), ct).ConfigureAwait(false);
        foreach (var card in reply.Cards)
        {
            await connector.SendAsync(activity.ServiceUrl, conversationId, CardActivities.Message(card, platform: ActivityMapper.PlatformOf(activity)), ct).ConfigureAwait(false);
        }
    }

    // Replies thread under the activity that asked; in a channel that keeps the answer in the asker's thread.
    private async Task PostAllAsync(Activity activity, IReadOnlyList<Card> cards, CancellationToken ct)
    {
        var conversationId = ConversationId(activity);
        foreach (var card in cards)
        {
            var message = CardActivities.Message(card, platform: ActivityMapper.PlatformOf(activity),
                refreshUserIds: await AudienceAsync(activity, card, ct).ConfigureAwait(false));
            if (string.IsNullOrEmpty(activity.Id))
            {
                await connector.SendAsync(activity.ServiceUrl, conversationId, message, ct).ConfigureAwait(false);
            }
            else
            {
                await connector.ReplyAsync(activity.ServiceUrl, conversationId, activity.Id, message, ct).ConfigureAwait(false);
            }
        }
    }

    private static string ConversationId(Activity activity) => activity.Conversation?.Id ?? "";

    // Teams waits a few seconds for an invoke's answer: a roster read slower than the configured wait leaves this one
    // card without userIds (the read goes on and serves the next card).
    private Task<IReadOnlyList<string>> AudienceAsync(Activity activity, Card card, CancellationToken ct) =>
        audience.ForAsync(card, ActivityMapper.Address(activity), ct, options.InvokeRosterWait);

    /// <summary>
    /// A conversation that speaks to the bot again (a message, a <c>conversationUpdate</c>, a re-installation) no longer
    /// blocks it: its recorded write block is lifted, and in a personal chat so is the one on the user's own 29: id.
    /// </summary>
    private async Task UnblockAsync(Activity activity, CancellationToken ct)
    {
        var speaks = activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate ||
            (activity.Type == ActivityTypes.InstallationUpdate && !string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase));
        if (!speaks || string.IsNullOrEmpty(activity.Conversation?.Id)) return;
        var ids = new List<string>(BlockedConversations.KeysOf(activity.Conversation.Id));
        if (ActivityMapper.IsPersonal(activity) && activity.From?.Id is { Length: > 0 } user && ConversationParameters.IsUser(user)) ids.Add(user);
        var lifted = await blocked.ClearAsync(ids, ct).ConfigureAwait(false);
        if (lifted > 0) logger.LogInformation("Teams conversation {Conversation} spoke to the bot again; its write block is lifted", activity.Conversation.Id);
    }
}
