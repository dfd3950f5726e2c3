namespace Allometry.Bot.Scheduling;

using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

/// <summary>
/// Registers the Quartz scheduler on the persistent ADO.NET job store in PostgreSQL (the tables of
/// migration 0010), clustered, with Allometry's jobs. The scheduler is started and stopped by
/// <see cref="SchedulerService"/>, not by Quartz's own hosted service, so the host knows when it
/// is running (readiness) and stops it waiting for running jobs (graceful shutdown).
/// </summary>
internal static class SchedulingServiceCollectionExtensions
{
    public const string SchedulerName = "allometry";

    public static IServiceCollection AddAllometryScheduling(this IServiceCollection services, SchedulerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<SubscriptionReconciler>();
        services.AddSingleton<LedgerWorkGate>();
        services.AddHostedService<MemoryTrimmer>();
        services.AddSingleton<TenantEvaluations>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.InstanceId = options.InstanceId;
                s.GenerateInstanceId = string.Equals(options.InstanceId, "AUTO", StringComparison.OrdinalIgnoreCase);
            });
            q.UseDefaultThreadPool(options.ThreadCount);
            q.AddJobType<DigestJob>();
            q.AddJobType<ReconcileSubscriptionsJob>();
            q.AddJobType<RenewalPipelineJob>();
            q.AddJobType<ResurfaceSnoozedJob>();
            q.AddJobType<EvaluateImportsJob>();
            q.AddJobListener<JobRunLogger>([GroupMatcher<JobKey>.AnyGroup()]);
            q.UsePersistentStore(store =>
            {
                // The one NpgsqlDataSource of the host: same pool, same credentials, no second connection string.
                store.UsePostgres(db => db.DataSourceFactory = sp => sp.GetRequiredService<NpgsqlDataSource>());
                store.ConfigureStore(ado =>
                {
                    ado.TablePrefix = "qrtz_";
                    // Migration 0010 owns the schema; a store that finds it missing fails at start instead of inventing one.
                    ado.SchemaProvisioning = SchemaProvisioning.Validate;
                    ado.MisfireThreshold = TimeSpan.FromMinutes(1);
                    ado.DbRetryInterval = TimeSpan.FromSeconds(1);
                });
                store.UseClustering(c =>
                {
                    c.CheckinInterval = options.CheckinInterval;
                    c.CheckinMisfireThreshold = options.CheckinMisfireThreshold;
                });
            });
        });
        services.AddSingleton<SchedulerService>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerService>());
        return services;
    }
}
