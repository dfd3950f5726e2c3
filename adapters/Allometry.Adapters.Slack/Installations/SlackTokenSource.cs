namespace Allometry.Adapters.Slack.Installations;

using System.Collections.Concurrent;
using Allometry.Adapters.Slack.Configuration;

/// <summary>
/// The bot token for a workspace: the configured single-workspace token, or the team's installation
/// (decrypted once, kept in memory a few minutes so every click does not hit the database).
/// </summary>
internal sealed class SlackTokenSource(SlackOptions options, IServiceProvider services, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The token to call the Web API for <paramref name="teamId"/>; throws <see cref="SlackNotInstalledException"/> when there is none.</summary>
    public async Task<string> BotTokenAsync(string teamId, CancellationToken ct)
    {
        if (!options.UsesOAuth)
        {
            if (options.TeamId is { Length: > 0 } only && !string.Equals(only, teamId, StringComparison.Ordinal))
            {
                throw new SlackNotInstalledException(teamId);
            }
            return options.BotToken!;
        }
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(teamId, out var cached) && cached.Until > now)
        {
            return cached.Token;
        }
        var store = (SlackInstallationStore?)services.GetService(typeof(SlackInstallationStore))
            ?? throw new InvalidOperationException("OAuth mode needs the Slack installation store (an NpgsqlDataSource must be registered).");
        var found = await store.FindTokenAsync(teamId, ct).ConfigureAwait(false) ?? throw new SlackNotInstalledException(teamId);
        _cache[teamId] = (found.Token, now + CacheFor);
        return found.Token;
    }

    /// <summary>Drops a cached token (after <c>token_revoked</c>/<c>invalid_auth</c>, or a reinstall).</summary>
    public void Forget(string teamId) => _cache.TryRemove(teamId, out _);
}
