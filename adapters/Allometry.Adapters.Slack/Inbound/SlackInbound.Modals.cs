namespace Allometry.Adapters.Slack.Inbound;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.BlockKit;
using Allometry.Adapters.Slack.Replies;
using Allometry.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Modal submissions: acted on at once, so refused inputs come back inline in the acknowledgement.</summary>
internal sealed partial class SlackInbound
{
    private async Task<SlackAck> OnViewSubmissionAsync(JsonObject payload, CancellationToken ct)
    {
        var teamId = SlackPayload.Str(payload["team"]?["id"]) ?? SlackPayload.Str(payload["user"]?["team_id"]);
        var userId = SlackPayload.Str(payload["user"]?["id"]);
        if (teamId is null || userId is null || payload["view"] is not JsonObject view)
        {
            return SlackAck.BadRequest("view_incomplete");
        }
        ModalSubmission submission;
        try
        {
            submission = BlockKitRenderer.ReadSubmission(view);
        }
        catch (FormatException)
        {
            return SlackAck.BadRequest("view_unknown");
        }
        if (!CardActionPayload.TryRead(submission.Data, out _, out _, out _) || submission.Origin?.ChannelId is not { } channel)
        {
            return SlackAck.BadRequest("view_payload_invalid");
        }
        var target = new SlackReplyTarget
        {
            TeamId = teamId,
            ChannelId = channel,
            UserId = userId,
            ResponseUrl = ResponseUrls.Accept(submission.Origin.ResponseUrl, options),
            MessageTs = submission.Origin.MessageTs,
            IsDirectMessage = channel.StartsWith('D'),
        };
        // A corrected resubmission of the same modal is a new attempt, so the key covers the values too.
        var idempotency = $"slack:{teamId}:{userId}:view:{SlackPayload.Str(view["id"])}:{Digest(submission.Data)}";
        var action = Action(target, submission.Data, idempotency);
        var acting = ActAsync(action);
        var finished = await Task.WhenAny(acting, Task.Delay(SubmissionBudget, timeProvider, ct)).ConfigureAwait(false) == acting;
        if (finished && acting.IsCompletedSuccessfully && acting.Result.InputErrors.Count > 0)
        {
            return SlackAck.With(BlockKitRenderer.InputErrors(acting.Result.InputErrors));
        }
        // Done, failed or still running: the modal closes and the answer (or the error notice) is posted.
        var queued = queue.TryEnqueue("view_submission", async token =>
        {
            try
            {
                var reply = await acting.ConfigureAwait(false);
                await replier.DeliverAsync(target, reply, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                await replier.ReportFailureAsync(target, ex, token).ConfigureAwait(false);
            }
        });
        return queued ? SlackAck.Ok : SlackAck.Busy;
    }

    private async Task<ConversationReply> ActAsync(InboundAction action)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Not the request's token: a slow action keeps going after the acknowledgement and is posted when done.
        return await scope.ServiceProvider.GetRequiredService<IConversation>().OnActionAsync(action, CancellationToken.None).ConfigureAwait(false);
    }

    private static string Digest(IReadOnlyDictionary<string, string?> values)
    {
        var text = string.Join('\u001e', values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "\u001f" + v.Value));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }
}
