namespace Allometry.Adapters.Slack.Inbound;

using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.Installations;
using Allometry.Adapters.Slack.Interactivity;
using Allometry.Adapters.Slack.Replies;
using Allometry.Adapters.Slack.WebApi;
using Allometry.Adapters.Slack.Work;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The handlers behind both transports (HTTP endpoints and Socket Mode envelopes): each parses a
/// verified request, answers at once with a <see cref="SlackAck"/>, and queues the slow part
/// (the conversation, the Web API calls) for <see cref="SlackWorker"/>.
/// </summary>
internal sealed partial class SlackInbound(
    IServiceScopeFactory scopes, SlackWorkQueue queue, EventReceipts receipts, ActionFormStore forms, SlackReplier replier,
    SlackWebApi api, SlackTokenSource tokens, SlackOptions options, TimeProvider timeProvider,
    ILogger<SlackInbound> logger)
{
    /// <summary>Events API: <c>url_verification</c>, and <c>event_callback</c> for mentions and direct messages.</summary>
    public async Task<SlackAck> OnEventAsync(JsonObject body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        switch (SlackPayload.Str(body["type"]))
        {
            case "url_verification":
                return SlackPayload.Str(body["challenge"]) is { } challenge
                    ? SlackAck.With(new JsonObject { ["challenge"] = challenge })
                    : SlackAck.BadRequest("challenge_missing");
            case "event_callback":
                return await OnEventCallbackAsync(body, ct).ConfigureAwait(false);
            case null:
                return SlackAck.BadRequest("type_missing");
            default:
                // app_rate_limited and future envelope types need no answer but a 200.
                return SlackAck.Ok;
        }
    }

    private async Task<SlackAck> OnEventCallbackAsync(JsonObject body, CancellationToken ct)
    {
        var eventId = SlackPayload.Str(body["event_id"]);
        var teamId = SlackPayload.Str(body["team_id"]);
        if (eventId is null || teamId is null || body["event"] is not JsonObject ev)
        {
            return SlackAck.BadRequest("event_incomplete");
        }
        var botUserId = body["authorizations"] is JsonArray { Count: > 0 } auths ? SlackPayload.Str(auths[0]?["user_id"]) : null;
        var type = SlackPayload.Str(ev["type"]);
        var user = SlackPayload.Str(ev["user"]);
        var channel = SlackPayload.Str(ev["channel"]);
        var isIm = SlackPayload.Str(ev["channel_type"]) == "im";
        var ours = type switch
        {
            "app_mention" => true,
            "message" => isIm && SlackPayload.Str(ev["subtype"]) is null,
            _ => false,
        };
        // The bot's own posts come back as events too; answering them would loop.
        if (!ours || user is null || channel is null || SlackPayload.Str(ev["bot_id"]) is not null || user == botUserId)
        {
            return SlackAck.Ok;
        }
        if (!await receipts.FirstTimeAsync(eventId, teamId, ct).ConfigureAwait(false))
        {
            LogDuplicate(logger, eventId);
            return SlackAck.Ok;
        }
        var message = new InboundMessage
        {
            From = new PlatformIdentity(Platform.Slack, teamId, user),
            Conversation = new ChannelAddress(Platform.Slack, teamId, channel),
            Text = MentionText.Strip(SlackPayload.Str(ev["text"]), botUserId),
            IsPersonal = isIm,
        };
        var target = new SlackReplyTarget
        {
            TeamId = teamId,
            ChannelId = channel,
            UserId = user,
            ThreadTs = SlackPayload.Str(ev["thread_ts"]),
            IsDirectMessage = isIm,
        };
        var ack = Enqueue("event", target, async (conversation, token) =>
        {
            var reply = await conversation.OnMessageAsync(message, token).ConfigureAwait(false);
            await replier.DeliverAsync(target, reply, token).ConfigureAwait(false);
        });
        if (ack.Status != 200)
        {
            await receipts.ForgetAsync(eventId, ct).ConfigureAwait(false);
        }
        return ack;
    }

    /// <summary>Queues conversation work; failures reach the person as an ephemeral notice with a reference id.</summary>
    private SlackAck Enqueue(string kind, SlackReplyTarget target, Func<IConversation, CancellationToken, Task> work)
    {
        var queued = queue.TryEnqueue(kind, async ct =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider.GetRequiredService<IConversation>(), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await replier.ReportFailureAsync(target, ex, ct).ConfigureAwait(false);
            }
        });
        if (!queued)
        {
            LogQueueFull(logger, kind);
        }
        return queued ? SlackAck.Ok : SlackAck.Busy;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event {EventId} already processed; delivery ignored")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack work queue full; {Kind} refused with 503")]
    private static partial void LogQueueFull(ILogger logger, string kind);
}
