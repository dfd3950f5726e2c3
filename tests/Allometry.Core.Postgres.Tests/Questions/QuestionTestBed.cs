namespace Allometry.Core.Postgres.Tests.Questions;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.Questions;
using Allometry.Core.Sample;
using Allometry.Testing;

/// <summary>
/// One database per run with the sample operator imported as tenant "borealis" and, as tenant
/// "rival", another seed whose names overlap (same name pools) plus one payer and one project only
/// it has ("Zéphyr"). The sample's exceptions are evaluated (top risks, my queue, what changed).
/// Shared by the question tests; nothing else writes to it.
/// </summary>
internal static class QuestionTestBed
{
    public const string TenantA = "borealis";
    public const string TenantB = "rival";
    public const string RivalOnlyName = "Zéphyr Aérospatiale inc.";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TestDatabase? _database;

    public static SampleLedger Sample { get; } = SampleOperatorGenerator.Generate();

    public static SampleLedger Rival { get; } = SampleOperatorGenerator.Generate(seed: 3);

    public static async Task<TestDatabase> DatabaseAsync(PostgresFixture postgres)
    {
        await Gate.WaitAsync();
        try
        {
            if (_database is not null) return _database;
            var database = await postgres.CreateDatabaseAsync();
            var importer = new LedgerImporter(database.DataSource);
            await importer.ImportAsync(TenantA, Sample.ToBatch(), CancellationToken.None);
            var source = database.DataSource;
            await new ExceptionEvaluator(source, new LedgerSnapshotStore(source), new RuleSettingsStore(source), TimeProvider.System)
                .EvaluateTenantAsync(TenantA, null, CancellationToken.None);
            await importer.ImportAsync(TenantB, RivalBatch(), CancellationToken.None);
            return _database = database;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static QuestionService Service(TestDatabase database) => new(database.DataSource);

    public static InternalUser User(string email, Role role, string tenant = TenantA, Language language = Language.En) => new()
    {
        UserId = 1,
        Email = email,
        Name = email,
        Language = language,
        Memberships = [new TenantMembership(tenant, role)],
    };

    public static InternalUser Finance { get; } = User("controller@borealis.example", Role.Finance);

    /// <summary>The rival's ledger, its first payer renamed to a name only the rival has.</summary>
    private static LedgerBatch RivalBatch()
    {
        var batch = Rival.ToBatch();
        var payers = Rival.Payers.Select((p, i) => i == 0 ? p with { Name = RivalOnlyName, Aliases = ["Zephyr"] } : p).ToList();
        return new LedgerBatch
        {
            Meta = batch.Meta,
            PresentSheets = batch.PresentSheets,
            Payers = payers,
            EntityLinks = batch.EntityLinks,
            Projects = Rival.Projects.Select((p, i) => i == 0 ? p with { Name = "Casiers Zéphyr — Hangar Mirabel" } : p).ToList(),
            Deliveries = batch.Deliveries,
            Quotes = batch.Quotes,
            Invoices = batch.Invoices,
            Payments = batch.Payments,
            PaymentApplications = batch.PaymentApplications,
            Retainage = batch.Retainage,
            ServiceContracts = batch.ServiceContracts,
            Promises = batch.Promises,
            BankTransactions = batch.BankTransactions,
        };
    }
}
