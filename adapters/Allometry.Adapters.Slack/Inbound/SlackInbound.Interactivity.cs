namespace Allometry.Adapters.Slack.Inbound;

using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.BlockKit;
using Allometry.Adapters.Slack.Interactivity;
using Allometry.Adapters.Slack.Replies;
using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.People;

/// <summary>Interactivity: clicks (<c>block_actions</c>), modal submissions, message shortcuts.</summary>
internal sealed partial class SlackInbound
{
    /// <summary>How long a modal submission may take before the modal is closed and the answer posted instead.</summary>
    private static readonly TimeSpan SubmissionBudget = TimeSpan.FromMilliseconds(2500);

    public async Task<SlackAck> OnInteractionAsync(JsonObject payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return SlackPayload.Str(payload["type"]) switch
        {
            "block_actions" => OnBlockActions(payload),
            "view_submission" => await OnViewSubmissionAsync(payload, ct).ConfigureAwait(false),
            "message_action" => OnMessageShortcut(payload),
            "view_closed" or "block_suggestion" or "shortcut" => SlackAck.Ok,
            null => SlackAck.BadRequest("type_missing"),
            _ => SlackAck.BadRequest("type_unknown"),
        };
    }

    private SlackAck OnBlockActions(JsonObject payload)
    {
        var teamId = SlackPayload.Str(payload["team"]?["id"]) ?? SlackPayload.Str(payload["user"]?["team_id"]);
        var userId = SlackPayload.Str(payload["user"]?["id"]);
        var channel = SlackPayload.Str(payload["channel"]?["id"]) ?? SlackPayload.Str(payload["container"]?["channel_id"]);
        if (teamId is null || userId is null || channel is null || payload["actions"] is not JsonArray { Count: > 0 } actions
            || actions[0] is not JsonObject action)
        {
            return SlackAck.BadRequest("actions_incomplete");
        }
        if (ClickedData(action) is not { } data)
        {
            return SlackAck.BadRequest("action_unknown");
        }
        var messageTs = SlackPayload.Str(payload["container"]?["message_ts"]) ?? SlackPayload.Str(payload["message"]?["ts"]);
        var target = new SlackReplyTarget
        {
            TeamId = teamId,
            ChannelId = channel,
            UserId = userId,
            ResponseUrl = ResponseUrls.Accept(SlackPayload.Str(payload["response_url"]), options),
            MessageTs = messageTs,
            MessageIsEphemeral = SlackPayload.Bool(payload["container"]?["is_ephemeral"]),
            IsDirectMessage = channel.StartsWith('D'),
        };
        var triggerId = SlackPayload.Str(payload["trigger_id"]);
        var idempotency = $"slack:{teamId}:{userId}:{SlackPayload.Str(action["action_ts"]) ?? triggerId ?? Guid.NewGuid().ToString("N")}";
        return Enqueue("block_actions", target, async (conversation, ct) =>
        {
            var form = await forms.FindAsync(data, ct).ConfigureAwait(false);
            if (form is { } f && CardActions.NeedsModal(f.Action) && triggerId is not null)
            {
                // An ephemeral card cannot be chat.update'd: its response_url replaces it instead.
                var origin = new ModalOrigin(target.ChannelId, target.MessageIsEphemeral ? null : target.MessageTs, target.ResponseUrl?.AbsoluteUri);
                var view = BlockKitRenderer.RenderModal(f.Action, f.Language, origin);
                var token = await tokens.BotTokenAsync(teamId, ct).ConfigureAwait(false);
                await api.OpenViewAsync(token, triggerId, view, ct).ConfigureAwait(false);
                return;
            }
            var reply = await conversation.OnActionAsync(Action(target, data, idempotency), ct).ConfigureAwait(false);
            await replier.DeliverAsync(target, reply, ct).ConfigureAwait(false);
        });
    }

    /// <summary>
    /// The clicked element's payload: a button (<c>act:</c>, payload in <c>value</c>) or an overflow menu
    /// (<c>more:</c>, payload in <c>selected_option.value</c>); null for any other element or a payload
    /// that is not ours.
    /// </summary>
    private static Dictionary<string, string?>? ClickedData(JsonObject action)
    {
        var actionId = SlackPayload.Str(action["action_id"]) ?? string.Empty;
        var value = actionId.StartsWith(BlockKitActions.ButtonPrefix, StringComparison.Ordinal) ? SlackPayload.Str(action["value"])
            : actionId.StartsWith(BlockKitActions.OverflowPrefix, StringComparison.Ordinal) ? SlackPayload.Str(action["selected_option"]?["value"])
            : null;
        return BlockKitActionValue.TryRead(value, out var payload) && CardActionPayload.TryRead(payload, out _, out _, out _)
            ? new Dictionary<string, string?>(payload, StringComparer.Ordinal)
            : null;
    }

    private static InboundAction Action(SlackReplyTarget target, IReadOnlyDictionary<string, string?> data, string idempotencyKey) => new()
    {
        From = new PlatformIdentity(Platform.Slack, target.TeamId, target.UserId),
        Conversation = new ChannelAddress(Platform.Slack, target.TeamId, target.ChannelId),
        Data = data,
        IdempotencyKey = idempotencyKey,
        Message = target.MessageTs is { } ts ? new MessageReference(Platform.Slack, target.ChannelId, ts) : null,
    };

    private SlackAck OnMessageShortcut(JsonObject payload)
    {
        var teamId = SlackPayload.Str(payload["team"]?["id"]) ?? SlackPayload.Str(payload["user"]?["team_id"]);
        var userId = SlackPayload.Str(payload["user"]?["id"]);
        var channel = SlackPayload.Str(payload["channel"]?["id"]);
        if (teamId is null || userId is null || channel is null)
        {
            return SlackAck.BadRequest("shortcut_incomplete");
        }
        var target = new SlackReplyTarget
        {
            TeamId = teamId,
            ChannelId = channel,
            UserId = userId,
            ResponseUrl = ResponseUrls.Accept(SlackPayload.Str(payload["response_url"]), options),
            FromCommand = true,
        };
        // "Ask Allometry about this message": the message's text is the question, answered privately.
        var message = new InboundMessage
        {
            From = new PlatformIdentity(Platform.Slack, teamId, userId),
            Conversation = new ChannelAddress(Platform.Slack, teamId, channel),
            Text = MentionText.Strip(SlackPayload.Str(payload["message"]?["text"]), null),
            IsPersonal = channel.StartsWith('D'),
        };
        return Enqueue("message_action", target, async (conversation, ct) =>
        {
            var reply = await conversation.OnMessageAsync(message, ct).ConfigureAwait(false);
            await replier.DeliverAsync(target, reply with { Private = true }, ct).ConfigureAwait(false);
        });
    }
}
