namespace Allometry.Adapters.Slack.Channel;

using System.Collections.Concurrent;
using Allometry.Adapters.Slack.Installations;
using Allometry.Adapters.Slack.WebApi;
using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>
/// Slack's people directory through <c>users.info</c>: the verified email (scope <c>users:read.email</c>)
/// links a Slack user to an internal user; the locale chooses the language of errors. Slack has no
/// manager field, so escalation falls back to the tenant's map. Answers are cached for ten minutes.
/// </summary>
internal sealed class SlackDirectory(SlackWebApi api, SlackTokenSource tokens, TimeProvider time) : IDirectory
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (DirectoryUser? User, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public Platform Platform => Platform.Slack;

    public async Task<DirectoryUser?> FindUserAsync(PlatformIdentity identity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.Platform != Platform.Slack)
        {
            return null;
        }
        var key = identity.Realm + "/" + identity.UserId;
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.User;
        }
        DirectoryUser? user;
        try
        {
            var token = await tokens.BotTokenAsync(identity.Realm, ct).ConfigureAwait(false);
            var json = await api.UserInfoAsync(token, identity.UserId, ct).ConfigureAwait(false);
            user = json["deleted"]?.GetValue<bool>() == true || json["is_bot"]?.GetValue<bool>() == true
                ? null
                : new DirectoryUser(
                    json["profile"]?["email"]?.GetValue<string>(),
                    json["profile"]?["display_name"]?.GetValue<string>() is { Length: > 0 } display ? display
                        : json["real_name"]?.GetValue<string>() ?? json["name"]?.GetValue<string>() ?? identity.UserId,
                    json["locale"]?.GetValue<string>());
        }
        catch (SlackApiException ex) when (ex.Error is SlackApiError.UserNotFound or SlackApiError.UsersNotFound)
        {
            user = null;
        }
        _cache[key] = (user, now + CacheFor);
        return user;
    }

    /// <summary>Slack keeps no manager; null sends escalation to the tenant's map.</summary>
    public Task<string?> FindManagerEmailAsync(PlatformIdentity identity, CancellationToken ct) => Task.FromResult<string?>(null);

    /// <summary>The user's language from their Slack locale (<c>fr-CA</c> → French), or null when unknown.</summary>
    public async Task<Language?> LanguageOfAsync(PlatformIdentity identity, CancellationToken ct)
    {
        var user = await FindUserAsync(identity, ct).ConfigureAwait(false);
        return user?.PreferredLanguage switch
        {
            null => null,
            var l when l.StartsWith("fr", StringComparison.OrdinalIgnoreCase) => Language.Fr,
            _ => Language.En,
        };
    }
}
