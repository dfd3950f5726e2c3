namespace Allometry.Adapters.Slack.Replies;

using Allometry.Adapters.Slack.BlockKit;
using Allometry.Adapters.Slack.Channel;
using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.Installations;
using Allometry.Adapters.Slack.Interactivity;
using Allometry.Adapters.Slack.WebApi;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Conversations;
using Allometry.Core.People;
using Microsoft.Extensions.Logging;

/// <summary>
/// Sends a <see cref="ConversationReply"/> back to Slack: the clicked card replaced in place
/// (<c>chat.update</c>, or <c>response_url</c> with <c>replace_original</c> for ephemeral messages),
/// private answers as <c>chat.postEphemeral</c>, slash command answers through <c>response_url</c>,
/// the rest as <c>chat.postMessage</c>. Failures become an ephemeral error notice with a reference id.
/// </summary>
internal sealed partial class SlackReplier(
    SlackWebApi api, SlackTokenSource tokens, ActionFormStore forms, SlackDirectory directory,
    SlackOptions options, ILogger<SlackReplier> logger)
{
    public async Task DeliverAsync(SlackReplyTarget target, ConversationReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(reply);
        var token = await tokens.BotTokenAsync(target.TeamId, ct).ConfigureAwait(false);
        var start = 0;
        if (reply.ReplacesOriginal && reply.Cards.Count > 0 && (target.MessageTs is not null || target.ResponseUrl is not null))
        {
            var first = await RenderAsync(reply.Cards[0], ct).ConfigureAwait(false);
            if (target.MessageTs is { } ts && !target.MessageIsEphemeral)
            {
                await api.UpdateAsync(token, target.ChannelId, ts, first, ct).ConfigureAwait(false);
            }
            else
            {
                var body = SlackWebApi.Message(first);
                body["replace_original"] = true;
                await api.PostToResponseUrlAsync(target.ResponseUrl!, body, ct).ConfigureAwait(false);
            }
            start = 1;
        }
        foreach (var card in reply.Cards.Skip(start))
        {
            await PostAsync(target, token, card, reply.Private, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Tells the person something failed, in their language, with a reference id that is also logged.</summary>
    public async Task ReportFailureAsync(SlackReplyTarget target, Exception failure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var reference = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        LogFailure(logger, reference, target.TeamId, failure);
        try
        {
            var language = await directory.LanguageOfAsync(new PlatformIdentity(Platform.Slack, target.TeamId, target.UserId), ct).ConfigureAwait(false)
                ?? options.DefaultLanguage;
            var token = await tokens.BotTokenAsync(target.TeamId, ct).ConfigureAwait(false);
            await PostAsync(target, token, NoticeCards.Error(language, reference), isPrivate: true, ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The notice is best effort: the failure and its reference are already logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogNoticeFailed(logger, reference, ex.GetType().Name);
        }
    }

    private async Task PostAsync(SlackReplyTarget target, string token, Card card, bool isPrivate, CancellationToken ct)
    {
        var message = await RenderAsync(card, ct).ConfigureAwait(false);
        if (target.FromCommand && target.ResponseUrl is { } url)
        {
            var body = SlackWebApi.Message(message);
            body["response_type"] = target.Share && !isPrivate ? "in_channel" : "ephemeral";
            await api.PostToResponseUrlAsync(url, body, ct).ConfigureAwait(false);
        }
        else if (isPrivate && !target.IsDirectMessage)
        {
            await api.PostEphemeralAsync(token, target.ChannelId, target.UserId, message, ct).ConfigureAwait(false);
        }
        else
        {
            await api.PostMessageAsync(token, target.ChannelId, message, target.ThreadTs, ct).ConfigureAwait(false);
        }
    }

    private async Task<BlockKitMessage> RenderAsync(Card card, CancellationToken ct)
    {
        await forms.RememberAsync(card, ct).ConfigureAwait(false);
        return BlockKitRenderer.Render(card);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack interaction failed, reference {Reference}, team {TeamId}")]
    private static partial void LogFailure(ILogger logger, string reference, string teamId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the user about failure {Reference}: {Error}")]
    private static partial void LogNoticeFailed(ILogger logger, string reference, string error);
}
