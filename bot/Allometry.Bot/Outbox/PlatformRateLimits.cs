namespace Allometry.Bot.Outbox;

using Allometry.Core.People;

/// <summary>
/// The published posting limits the dispatcher paces itself to, per platform: messages per second
/// in one conversation, and (Teams) in one tenant of the platform.
/// </summary>
/// <remarks>
/// Slack: about one message per second per channel
/// (<see href="https://api.slack.com/apis/rate-limits">rate limits</see>, chat.postMessage "special" tier).
/// Teams: 7 per second per conversation and about 30 requests per second per tenant for a bot
/// (<see href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit">rate limiting for bots</see>).
/// </remarks>
internal sealed record PlatformRateLimits(double PerConversation, double? PerRealm)
{
    public static PlatformRateLimits For(Platform platform) => platform switch
    {
        Platform.Slack => new(1, null),
        Platform.Teams => new(7, 30),
        // Direct Line documents no posting rate for a bot; pace politely rather than not at all.
        Platform.WebChat => new(10, null),
        _ => new(50, null),
    };
}
