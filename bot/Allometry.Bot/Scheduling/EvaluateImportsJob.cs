namespace Allometry.Bot.Scheduling;

using System.Globalization;
using Allometry.Core.Postgres.Ledger;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

/// <summary>
/// Evaluation after each import, whatever brought it (the CLI, a chat upload, an ERP sync): the
/// tenants with a finished import newer than the last one this job saw are evaluated. The mark is
/// the job's own persisted data, so the cluster shares it and a restart resumes from it; the
/// first run starts from the newest import (the import path evaluated those already).
/// </summary>
[DisallowConcurrentExecution]
[PersistJobDataAfterExecution]
internal sealed partial class EvaluateImportsJob(NpgsqlDataSource dataSource, TenantEvaluations evaluations, ILogger<EvaluateImportsJob> logger) : IJob
{
    public const string LastImportKey = "last-import-id";

    // Cross-tenant by design (the owner connection, like imports): it reads ids, never rows' contents.
    private const string NewImportsSql = """
        SELECT tenant_id AS TenantId, max(import_id) AS ImportId FROM imports
        WHERE import_id > @last AND finished_at IS NOT NULL GROUP BY tenant_id ORDER BY 2
        """;

    private const string NewestSql = "SELECT coalesce(max(import_id), 0) FROM imports WHERE finished_at IS NOT NULL";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var mark = JobData.OptionalString(context, LastImportKey);
        if (mark is null)
        {
            var newest = await connection.ExecuteScalarAsync<long>(new CommandDefinition(NewestSql, cancellationToken: cancellationToken)).ConfigureAwait(false);
            context.JobDetail.JobDataMap[LastImportKey] = newest.ToString(CultureInfo.InvariantCulture);
            return;
        }
        var last = long.Parse(mark, CultureInfo.InvariantCulture);
        var pending = (await connection.QueryAsync<(string TenantId, long ImportId)>(
            new CommandDefinition(NewImportsSql, new { last }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        foreach (var (tenant, importId) in pending)
        {
            var changed = await evaluations.EvaluateAsync(tenant, cancellationToken).ConfigureAwait(false);
            LogEvaluated(logger, tenant, importId, changed ?? 0);
            // Advance per tenant, so a failure later in the list does not re-evaluate this one.
            last = Math.Max(last, importId);
            context.JobDetail.JobDataMap[LastImportKey] = last.ToString(CultureInfo.InvariantCulture);
        }
        context.Result = pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant} evaluated after import {ImportId}: {Changed} exception change(s)")]
    private static partial void LogEvaluated(ILogger logger, string tenant, long importId, int changed);
}
