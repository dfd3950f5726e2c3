namespace Allometry.Bot.Scheduling;

using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Ledger;
using Microsoft.Extensions.Logging;
using Quartz;

/// <summary>
/// The daily renewal pipeline: every tenant's ledger is evaluated as of today (in the scheduler's
/// zone), so service contracts crossing 60 days before renewal (RenewalPrebillDue, Medium) or 30
/// (High) open their exceptions that morning even when no new ledger was imported — the next
/// digest carries them. Idempotent: a second run the same day finds nothing new to open.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class RenewalPipelineJob(TenantDirectory tenants, ExceptionEvaluator evaluator, SchedulerOptions options,
    TimeProvider time, ILogger<RenewalPipelineJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var today = DigestSchedule.LocalDate(time.GetUtcNow(), zone);
        var opened = 0;
        foreach (var tenant in await tenants.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var evaluation = await evaluator.EvaluateTenantAsync(tenant, today, cancellationToken).ConfigureAwait(false);
                opened += evaluation.Opened;
            }
            catch (LedgerNotFoundException)
            {
                // A tenant with people or subscriptions but no ledger yet has nothing to renew.
            }
        }
        LogDone(logger, today, opened);
        context.Result = opened;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Renewal pipeline as of {Today}: {Opened} exception(s) opened")]
    private static partial void LogDone(ILogger logger, DateOnly today, int opened);
}
