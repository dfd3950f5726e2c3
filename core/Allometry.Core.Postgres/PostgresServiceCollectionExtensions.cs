namespace Allometry.Core.Postgres;

using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>Registers the PostgreSQL stores. The caller registers the one <see cref="NpgsqlDataSource"/>.</summary>
public static class PostgresServiceCollectionExtensions
{
    public static IServiceCollection AddAllometryPostgres(this IServiceCollection services)
    {
        // Explicit factory: Migrator also has a constructor taking scripts, which the container
        // would happily satisfy with an empty sequence and migrate nothing.
        services.AddSingleton(sp => new Migrator(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new LedgerImporter(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new AgingSummaryStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new TenantDirectory(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new LedgerSnapshotStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new RuleSettingsStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Settings.TenantSettingsStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<Core.Actions.IPermissionSettingsSource>(sp => sp.GetRequiredService<Settings.TenantSettingsStore>());
        services.AddSingleton(sp => new ExceptionStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Questions.QuestionService(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetService<TimeProvider>(), sp.GetRequiredService<Digests.RiskQueueService>()));
        services.AddSingleton(sp => new ExceptionEvaluator(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<LedgerSnapshotStore>(), sp.GetRequiredService<RuleSettingsStore>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => new Digests.SubscriptionStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Digests.RiskQueueService(sp.GetRequiredService<LedgerSnapshotStore>(), sp.GetRequiredService<RuleSettingsStore>()));
        services.AddSingleton(sp => new Digests.DigestService(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<Digests.SubscriptionStore>(),
            sp.GetRequiredService<Digests.RiskQueueService>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => new Digests.QueueCardService(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<Digests.RiskQueueService>()));
        services.AddSingleton(sp => new People.UserStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Actions.AuditStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Outbox.OutboxStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<Outbox.OutboxOptions>()));
        services.AddSingleton(sp => new Outbox.ExceptionCardOutbox(sp.GetRequiredService<Outbox.OutboxStore>(), sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Actions.ActionService(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetServices<Core.People.IDirectory>(),
            sp.GetRequiredService<Core.Actions.IPermissionSettingsSource>(), sp.GetRequiredService<Outbox.ExceptionCardOutbox>()));
        services.AddSingleton(sp => new Digests.ExceptionCardService(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<Digests.RiskQueueService>(), sp.GetService<TimeProvider>()));
        services.AddSingleton(sp => new Conversations.ChatRealmStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new Conversations.ChatConversationStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<Core.Conversations.IConversation>(sp => Conversations.ConversationService.Create(sp));
        return services;
    }
}
