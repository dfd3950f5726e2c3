namespace Allometry.Bot.Serve;

using Allometry.Core.Postgres.Settings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>
/// Keeps the host's cached tenant settings current: listens for committed changes (made by
/// <c>allometry settings set</c> in another process) and drops the changed tenant's entry, so a
/// permission change applies to the next click or question. A lost connection is retried; until
/// then entries still expire after <see cref="TenantSettingsStore.CacheFor"/>.
/// </summary>
internal sealed partial class TenantSettingsListener(TenantSettingsStore store, TimeProvider time, ILogger<TenantSettingsListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.ListenAsync(null, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(logger, e.GetType().Name, RetryAfter.TotalSeconds);
                try
                {
                    await Task.Delay(RetryAfter, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant settings: listening for changes failed ({Error}); retrying in {Seconds} s, cached settings expire on their own meanwhile")]
    private static partial void LogListenFailed(ILogger logger, string error, double seconds);
}
