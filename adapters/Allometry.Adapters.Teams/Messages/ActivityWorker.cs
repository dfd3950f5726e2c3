namespace Allometry.Adapters.Teams.Messages;

using Allometry.Core.Cards;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Runs the queued activity work with <see cref="TeamsOptions.Workers"/> concurrent workers. On shutdown the queue is closed and what
/// was already accepted is finished (bounded by the host's shutdown timeout), so an acknowledged question
/// is not dropped.
/// </summary>
internal sealed class ActivityWorker(ActivityWorkQueue queue, TeamsOptions options, ILogger<ActivityWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => RunAsync(stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        // The reader ends when the queue is completed and empty; stoppingToken only cuts the work itself short.
        await foreach (var work in queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await work(stoppingToken).ConfigureAwait(false);
            }
            catch (ChannelDeliveryException ex)
            {
                logger.LogWarning("Teams reply not delivered: {Reason} (permanent: {Permanent})", ex.Reason, ex.Permanent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Teams activity work failed");
            }
        }
    }
}
