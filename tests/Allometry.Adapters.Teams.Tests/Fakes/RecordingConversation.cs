namespace Allometry.Adapters.Teams.Tests.Fakes;

using System.Collections.Concurrent;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;

/// <summary>
/// Records what the adapter handed to the conversation core and answers with notice cards naming it;
/// protocol tests use it, the end-to-end tests use the real ConversationService.
/// </summary>
internal sealed class RecordingConversation : IConversation
{
    public ConcurrentQueue<InboundMessage> Messages { get; } = new();

    public ConcurrentQueue<InboundAction> Actions { get; } = new();

    public ConcurrentQueue<InstallationEvent> Installations { get; } = new();

    public bool ReplacesOriginal { get; set; } = true;

    public int CardsPerReply { get; set; } = 1;

    public Exception? Throw { get; set; }

    /// <summary>Buttons every reply card carries (none by default).</summary>
    public IReadOnlyList<CardAction> CardButtons { get; set; } = [];

    /// <summary>How long answering a message takes (to have work in flight when the host stops).</summary>
    public TimeSpan MessageDelay { get; set; }

    public int Total => Messages.Count + Actions.Count + Installations.Count;

    public async Task<ConversationReply> OnMessageAsync(InboundMessage message, CancellationToken ct)
    {
        if (MessageDelay > TimeSpan.Zero) await Task.Delay(MessageDelay, ct);
        Messages.Enqueue(message);
        return await Reply("message: " + message.Text, message.Locale, replaces: false);
    }

    public Task<ConversationReply> OnActionAsync(InboundAction action, CancellationToken ct)
    {
        if (Throw is { } ex) throw ex;
        Actions.Enqueue(action);
        return Reply("action: " + string.Join(",", action.Data.OrderBy(d => d.Key).Select(d => d.Key + "=" + d.Value)), action.Locale, ReplacesOriginal);
    }

    public Task<ConversationReply> OnInstalledAsync(InstallationEvent installation, CancellationToken ct)
    {
        Installations.Enqueue(installation);
        return Reply("welcome", installation.Locale, replaces: false);
    }

    private Task<ConversationReply> Reply(string text, Language? locale, bool replaces)
    {
        var cards = Enumerable.Range(1, CardsPerReply).Select(i => (Card)new NoticeCard
        {
            Language = locale ?? Language.En,
            FallbackText = text + (i > 1 ? " #" + i : ""),
            Kind = NoticeKind.Information,
            Title = text,
            Text = text,
            Actions = CardButtons,
        }).ToList();
        return Task.FromResult(new ConversationReply { Cards = cards, ReplacesOriginal = replaces });
    }
}
