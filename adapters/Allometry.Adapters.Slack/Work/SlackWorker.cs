namespace Allometry.Adapters.Slack.Work;

using Allometry.Adapters.Slack.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>Drains <see cref="SlackWorkQueue"/> with a few concurrent workers; a failing item is logged and never stops the others.</summary>
internal sealed partial class SlackWorker(SlackWorkQueue queue, SlackOptions options, ILogger<SlackWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => DrainAsync(stoppingToken)));

    private async Task DrainAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await item.Work(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // One item's failure must not stop the worker; the item reports to its user itself.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogFailed(logger, item.Kind, ex);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack work {Kind} failed")]
    private static partial void LogFailed(ILogger logger, string kind, Exception exception);
}
