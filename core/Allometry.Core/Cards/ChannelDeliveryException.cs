namespace Allometry.Core.Cards;

/// <summary>
/// A platform refused or failed a post, update or delete. <see cref="IChatChannel"/> implementations
/// throw it so the outbox can decide: retry later (honouring <see cref="RetryAfter"/>), or give up
/// because retrying cannot help (<see cref="Permanent"/>: token revoked, channel archived, bot removed,
/// message writes blocked).
/// </summary>
public sealed class ChannelDeliveryException : Exception
{
    public ChannelDeliveryException(string reason, bool permanent, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(reason, inner)
    {
        Reason = reason;
        Permanent = permanent;
        RetryAfter = retryAfter;
    }

    public ChannelDeliveryException() : this("delivery_failed", permanent: false)
    {
    }

    public ChannelDeliveryException(string message) : this(message, permanent: false)
    {
    }

    public ChannelDeliveryException(string message, Exception innerException) : this(message, permanent: false, inner: innerException)
    {
    }

    /// <summary>
    /// The <see cref="Reason"/> of a delivery a channel refused without calling its platform, because the platform
    /// already refused writes to that conversation (a Teams user blocked the bot). Permanent; the first refusal
    /// was reported to the operator, so the outbox dead-letters these without another notice.
    /// </summary>
    public const string ConversationBlocked = "conversation_blocked";

    /// <summary>A short machine code: the platform's error (<c>ratelimited</c>, <c>channel_not_found</c>, <c>MessageWritesBlocked</c>) or an HTTP status.</summary>
    public string Reason { get; }

    /// <summary>True when retrying cannot succeed; the outbox dead-letters the message.</summary>
    public bool Permanent { get; }

    /// <summary>How long the platform asked us to wait (HTTP 429/503 <c>Retry-After</c>); null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; }
}
