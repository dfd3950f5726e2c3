namespace Allometry.Core.Conversations;

/// <summary>
/// The one door every chat channel goes through. Teams, Slack and the web chat turn their wire
/// formats into these calls and render the reply's cards; the conversation resolves the speaker's
/// tenant and internal user, checks permissions, and answers in the speaker's language. Nothing a
/// person can do or ask lives in an adapter.
/// </summary>
public interface IConversation
{
    /// <summary>
    /// A message typed by a person (a question, or a command such as <c>help</c>, <c>queue</c>,
    /// <c>summary</c>, <c>subscribe morning 07:30</c>, <c>unsubscribe</c>, <c>link</c>). Mentions are
    /// already stripped by the adapter. An unknown speaker gets a polite notice saying how to get linked.
    /// </summary>
    Task<ConversationReply> OnMessageAsync(InboundMessage message, CancellationToken ct);

    /// <summary>
    /// A click on a card button or a form submission (<see cref="CardActionPayload"/> data plus
    /// input values). The reply's first card replaces the clicked card when
    /// <see cref="ConversationReply.ReplacesOriginal"/> is set.
    /// </summary>
    Task<ConversationReply> OnActionAsync(InboundAction action, CancellationToken ct);

    /// <summary>The bot was added to a team, channel, group chat or personal chat: remember where, and say hello.</summary>
    Task<ConversationReply> OnInstalledAsync(InstallationEvent installation, CancellationToken ct);
}
