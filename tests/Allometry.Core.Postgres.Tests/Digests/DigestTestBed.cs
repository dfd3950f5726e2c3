namespace Allometry.Core.Postgres.Tests.Digests;

using Allometry.Core.Cards;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Digests;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Sample;
using Npgsql;

/// <summary>A tenant with the sample operator imported and evaluated, and the digest services over it.</summary>
internal static class DigestTestBed
{
    public static async Task ImportAndEvaluateAsync(NpgsqlDataSource dataSource, string tenantId, int seed = 1)
    {
        await new LedgerImporter(dataSource).ImportAsync(tenantId, SampleOperatorGenerator.Generate(seed: seed).ToBatch(), CancellationToken.None);
        var evaluator = new ExceptionEvaluator(dataSource, new LedgerSnapshotStore(dataSource), new RuleSettingsStore(dataSource), TimeProvider.System);
        await evaluator.EvaluateTenantAsync(tenantId, null, CancellationToken.None);
    }

    public static DigestService Service(NpgsqlDataSource dataSource) =>
        new(dataSource, new SubscriptionStore(dataSource),
            new RiskQueueService(new LedgerSnapshotStore(dataSource), new RuleSettingsStore(dataSource)), TimeProvider.System);

    public static DigestSubscription Subscription(string tenantId, DigestKind kind, Language language = Language.En) => new()
    {
        TenantId = tenantId,
        Kind = kind,
        Channel = new ChannelAddress(Platform.Cli, "local", "terminal"),
        Language = language,
        LocalTime = new TimeOnly(7, 30),
        TimeZone = "America/Toronto",
    };
}
