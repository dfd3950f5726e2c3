namespace Allometry.Bot.Scheduling;

using Microsoft.Extensions.Logging;
using Quartz;

/// <summary>Runs <see cref="SubscriptionReconciler"/> on its interval; one instance of the cluster at a time.</summary>
[DisallowConcurrentExecution]
internal sealed partial class ReconcileSubscriptionsJob(SubscriptionReconciler reconciler, ILogger<ReconcileSubscriptionsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var result = await reconciler.ReconcileAsync(context.Scheduler, cancellationToken).ConfigureAwait(false);
        if (result.Added + result.Rescheduled + result.Removed > 0)
        {
            LogChanged(logger, result.Added, result.Rescheduled, result.Removed, result.Unchanged);
        }
        context.Result = result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriptions reconciled: {Added} added, {Rescheduled} rescheduled, {Removed} removed, {Unchanged} unchanged")]
    private static partial void LogChanged(ILogger logger, int added, int rescheduled, int removed, int unchanged);
}
