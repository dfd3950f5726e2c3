namespace Allometry.Bot.Outbox;

using Allometry.Core.Cards;
using Allometry.Core.Postgres.Outbox;
using Microsoft.Extensions.Logging;

// Posting, and settling a post that may already have landed. A post taken over from a dead
// instance's expired lease is first looked up on the platform by its post key: found, it is
// recorded as sent (message map included) and not posted again. When the platform cannot be
// asked, or cannot answer, the card is posted again: a duplicate card is better than a lost one,
// and the row's reconciliation column tells an operator it happened.
internal sealed partial class OutboxDispatcher
{
    /// <summary>
    /// How far before the interrupted attempt's start the lookup reaches: the platform stamps the
    /// post with its own clock, which may run behind this host's.
    /// </summary>
    internal static readonly TimeSpan LookupMargin = TimeSpan.FromMinutes(2);

    private async Task<Settlement> PostAsync(IChatChannel channel, OutboxClaim claim, CancellationToken ct)
    {
        var lookup = channel as IPostLookup;
        string? reconciliation = null;
        if (claim.MayHaveLanded)
        {
            if (lookup is null)
            {
                reconciliation = "no_lookup";
            }
            else
            {
                try
                {
                    var found = await lookup.FindPostAsync(claim.Address, claim.PostKey, claim.UnsettledSince!.Value - LookupMargin, ct).ConfigureAwait(false);
                    if (found is not null)
                    {
                        LogFound(_logger, claim.OutboxId, claim.Address.Platform);
                        return Landed(claim, found, "found");
                    }
                    reconciliation = "not_found";
                }
                catch (ChannelDeliveryException ex) when (ex.RetryAfter is not null && !ex.Permanent)
                {
                    // Throttled: the platform will answer later. Posting now could duplicate the
                    // card for no reason; the message waits (not counted as an attempt) and looks again.
                    throw;
                }
                catch (ChannelDeliveryException ex)
                {
                    reconciliation = "lookup_failed:" + ex.Reason;
                }
                catch (HttpRequestException ex)
                {
                    reconciliation = "lookup_failed:" + (ex.StatusCode is { } status ? $"http_{(int)status}" : "network");
                }
            }
            if (reconciliation != "not_found") LogRepostUnchecked(_logger, claim.OutboxId, claim.Address.Platform, reconciliation);
        }
        var posted = lookup is null
            ? await channel.PostAsync(claim.Address, claim.Card!, ct).ConfigureAwait(false)
            : await lookup.PostAsync(claim.Address, claim.Card!, claim.PostKey, ct).ConfigureAwait(false);
        return Landed(claim, posted, reconciliation);
    }

    /// <summary>
    /// True when a channel's failure is not the platform's refusal but a call that got no usable
    /// answer — a lost connection (<c>transport</c>, <c>network</c>), a timeout inside the channel,
    /// a server error or an unreadable reply — after which the post may have landed anyway.
    /// A refusal (an error code, a 4xx, a throttle) means nothing was posted. Slack documents its
    /// <c>internal_error</c> and <c>fatal_error</c> as "some aspect of the operation may have succeeded".
    /// </summary>
    internal static bool Unanswered(ChannelDeliveryException ex) =>
        ex.RetryAfter is null && !ex.Permanent
        && (ex.Reason is "transport" or "network" or "timeout" or "invalid_response" or "internal_error" or "fatal_error"
            || ex.Reason.StartsWith("http_5", StringComparison.Ordinal)
            || ex.InnerException is HttpRequestException or TaskCanceledException or TimeoutException or IOException);

    private static Settlement Landed(OutboxClaim claim, PostedCard posted, string? reconciliation)
    {
        var elsewhere = posted.Address.ConversationId == claim.Address.ConversationId ? null : posted.Address.ConversationId;
        return Settlement.Sent(claim, posted.MessageId, elsewhere, reconciliation);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: message {OutboxId} to {Platform} was interrupted after it landed; found and recorded, not posted again")]
    private static partial void LogFound(ILogger logger, long outboxId, Core.People.Platform platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: message {OutboxId} to {Platform} was interrupted and cannot be checked ({Reason}); posting again, a duplicate card is possible")]
    private static partial void LogRepostUnchecked(ILogger logger, long outboxId, Core.People.Platform platform, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: message {OutboxId} given back unsent: its lease was nearly over before its turn came (Outbox:Lease is short for this backlog)")]
    private static partial void LogLeaseTooShort(ILogger logger, long outboxId);
}
