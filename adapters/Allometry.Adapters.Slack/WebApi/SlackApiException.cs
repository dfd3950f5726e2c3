namespace Allometry.Adapters.Slack.WebApi;

/// <summary>A Web API call failed: Slack said <c>ok:false</c>, rate-limited us past our patience, or the transport failed.</summary>
internal sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string code, TimeSpan? retryAfter = null, Exception? inner = null)
        : base($"Slack {method} failed: {code}", inner)
    {
        Method = method;
        Code = code;
        Error = Classify(code);
        RetryAfter = retryAfter;
    }

    public SlackApiException() : this("unknown", "unknown")
    {
    }

    public SlackApiException(string message) : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException) : this("unknown", message, inner: innerException)
    {
    }

    public string Method { get; }

    /// <summary>Slack's error string (<c>channel_not_found</c>) or <c>http_503</c>, <c>transport</c>.</summary>
    public string Code { get; }

    public SlackApiError Error { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Retrying the same call with the same token cannot succeed.</summary>
    public bool Permanent => Error is SlackApiError.TokenRevoked or SlackApiError.InvalidAuth or SlackApiError.NotAuthed
        or SlackApiError.AccountInactive or SlackApiError.ChannelNotFound or SlackApiError.IsArchived or SlackApiError.NotInChannel
        or SlackApiError.MessageNotFound or SlackApiError.UserNotFound or SlackApiError.UsersNotFound or SlackApiError.InvalidCode
        or SlackApiError.ExpiredTriggerId;

    public static SlackApiError Classify(string code) => code switch
    {
        "token_revoked" => SlackApiError.TokenRevoked,
        "invalid_auth" => SlackApiError.InvalidAuth,
        "not_authed" => SlackApiError.NotAuthed,
        "account_inactive" => SlackApiError.AccountInactive,
        "channel_not_found" => SlackApiError.ChannelNotFound,
        "is_archived" => SlackApiError.IsArchived,
        "not_in_channel" => SlackApiError.NotInChannel,
        "message_not_found" => SlackApiError.MessageNotFound,
        "user_not_found" => SlackApiError.UserNotFound,
        "users_not_found" => SlackApiError.UsersNotFound,
        "expired_trigger_id" => SlackApiError.ExpiredTriggerId,
        "ratelimited" or "rate_limited" => SlackApiError.RateLimited,
        "invalid_code" or "code_already_used" => SlackApiError.InvalidCode,
        "transport" => SlackApiError.Transport,
        _ => SlackApiError.Other,
    };
}
