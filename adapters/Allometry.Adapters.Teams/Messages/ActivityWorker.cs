namespace Allometry.Adapters.Teams.Messages;

using Allometry.Core.Cards;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Runs the queued activity work with <see cref="TeamsOptions.Workers"/> concurrent workers. On shutdown the
/// queue is closed and what was already accepted is finished; only when the host's shutdown timeout runs
/// out is the remaining work cancelled, so an acknowledged question is not dropped on a normal stop.
/// </summary>
internal sealed class ActivityWorker(ActivityWorkQueue queue, TeamsOptions options, ILogger<ActivityWorker> logger) : BackgroundService
{
    // Not the stopping token: that one fires as soon as a stop begins, before the queue is drained.
    private readonly CancellationTokenSource _abort = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Workers).Select(_ => RunAsync(_abort.Token)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await using var abortOnTimeout = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    private async Task RunAsync(CancellationToken abort)
    {
        // The reader ends when the queue is completed and empty.
        await foreach (var work in queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await work(abort).ConfigureAwait(false);
            }
            catch (ChannelDeliveryException ex)
            {
                logger.LogWarning("Teams reply not delivered: {Reason} (permanent: {Permanent})", ex.Reason, ex.Permanent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !abort.IsCancellationRequested)
            {
                logger.LogError(ex, "Teams activity work failed");
            }
        }
    }
}
