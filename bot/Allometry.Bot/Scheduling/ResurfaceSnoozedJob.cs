namespace Allometry.Bot.Scheduling;

using Allometry.Core.Postgres.Ledger;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

/// <summary>
/// Resurfaces snoozed exceptions when their time comes: each tenant is evaluated (the engine ends
/// a snooze once the clock's today reaches its date, or its condition — a payment, a deposit —
/// cleared the finding), then every exception whose snooze ended since the previous run gets a
/// fresh card where its card was posted. The outbox's keys make a repeated run enqueue nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ResurfaceSnoozedJob(NpgsqlDataSource dataSource, TenantDirectory tenants, TenantEvaluations evaluations,
    IScheduledCardPublisher publisher, SchedulerOptions options, TimeProvider time, ILogger<ResurfaceSnoozedJob> logger) : IJob
{
    // Cross-tenant read of ids only; each card is then composed inside the tenant's scope by the outbox side.
    private const string EndedSql = """
        SELECT tenant_id AS TenantId, exception_id AS ExceptionId FROM exception_history
        WHERE kind = 'snooze_ended' AND at >= @since ORDER BY at
        """;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        // Look back over two intervals, so a run that was late or failed leaves no gap; the overlap is harmless.
        var since = (context.PreviousFireTimeUtc ?? now - options.ResurfaceInterval) - options.ResurfaceInterval;
        foreach (var tenant in await tenants.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            await evaluations.EvaluateAsync(tenant, cancellationToken).ConfigureAwait(false);
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var ended = (await connection.QueryAsync<(string TenantId, long ExceptionId)>(
            new CommandDefinition(EndedSql, new { since = since.UtcDateTime }, cancellationToken: cancellationToken)).ConfigureAwait(false)).Distinct().ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var enqueued = 0;
        foreach (var (tenant, exceptionId) in ended)
        {
            enqueued += await publisher.ResurfaceAsync(tenant, exceptionId, DigestSchedule.LocalDate(now, zone), cancellationToken).ConfigureAwait(false);
        }
        LogDone(logger, ended.Count, enqueued);
        context.Result = enqueued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resurfacing: {Ended} snooze(s) ended, {Enqueued} card(s) enqueued")]
    private static partial void LogDone(ILogger logger, int ended, int enqueued);
}
