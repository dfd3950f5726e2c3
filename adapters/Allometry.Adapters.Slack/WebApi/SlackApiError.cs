namespace Allometry.Adapters.Slack.WebApi;

/// <summary>The <c>ok:false</c> errors the adapter acts on; anything else is <see cref="Other"/>.</summary>
/// <seealso href="https://api.slack.com/web#evaluating_responses"/>
internal enum SlackApiError
{
    Other,
    TokenRevoked,
    InvalidAuth,
    NotAuthed,
    AccountInactive,
    ChannelNotFound,
    IsArchived,
    NotInChannel,
    MessageNotFound,
    UserNotFound,
    UsersNotFound,
    ExpiredTriggerId,
    RateLimited,
    InvalidCode,
    Transport,
}
