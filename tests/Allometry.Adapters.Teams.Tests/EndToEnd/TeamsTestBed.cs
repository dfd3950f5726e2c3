namespace Allometry.Adapters.Teams.Tests.EndToEnd;

using System.Globalization;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Tests.Fakes;
using Allometry.Core.Ledger;
using Allometry.Core.People;
using Allometry.Core.Postgres;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// A sample tenant in PostgreSQL (ledger imported, exceptions evaluated, people seeded) bound to its own Entra
/// tenant and with its people linked by AAD object id, a fake Bot Framework, and the bot host running the
/// real ConversationService (<c>AddAllometryPostgres</c>) behind <c>/api/messages</c>.
/// </summary>
internal sealed class TeamsTestBed : IAsyncDisposable
{
    /// <summary>The sample ledger's "today", as the core's own conversation tests use.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 14, 14, 0, TimeSpan.Zero);

    public static SampleLedger Sample { get; } = SampleOperatorGenerator.Generate(seed: 1);

    private TeamsTestBed(PostgresFixture postgres, FakeBotFramework fake, TeamsTestHost host, ScaledTimeProvider clock, string tenant, string realm,
        IReadOnlyDictionary<Role, InternalUser> people, IReadOnlyList<InternalUser> everyone)
    {
        Everyone = everyone;
        Postgres = postgres;
        Fake = fake;
        Host = host;
        Clock = clock;
        Tenant = tenant;
        Realm = realm;
        People = people;
    }

    public PostgresFixture Postgres { get; }
    public FakeBotFramework Fake { get; }
    public TeamsTestHost Host { get; }
    public ScaledTimeProvider Clock { get; }
    public string Tenant { get; }
    public string Realm { get; }
    public IReadOnlyDictionary<Role, InternalUser> People { get; }

    /// <summary>Every seeded user, each linked on Teams by <see cref="AadOf"/>.</summary>
    public IReadOnlyList<InternalUser> Everyone { get; }

    public static async Task<TeamsTestBed> StartAsync(PostgresFixture postgres)
    {
        var ct = CancellationToken.None;
        var source = postgres.DataSource;
        var clock = new ScaledTimeProvider(fixedNow: Now);
        var tenant = "teams-" + Guid.NewGuid().ToString("N")[..8];
        await new LedgerImporter(source).ImportAsync(tenant, Sample.ToBatch(), ct);
        await new ExceptionEvaluator(source, new LedgerSnapshotStore(source), new RuleSettingsStore(source), clock).EvaluateTenantAsync(tenant, null, ct);
        var users = new UserStore(source);
        var seeded = await SampleUsers.SeedAsync(users, tenant, ct);
        var realm = Guid.NewGuid().ToString();
        await new ChatRealmStore(source).BindAsync(tenant, Platform.Teams, realm, "test", ct);
        foreach (var user in seeded)
        {
            await users.LinkDirectAsync(tenant, new PlatformIdentity(Platform.Teams, realm, AadOf(user)), user.UserId, ct);
        }
        var people = seeded.GroupBy(u => u.RoleIn(tenant)!.Value).ToDictionary(g => g.Key, g => g.First());
        var fake = await FakeBotFramework.StartAsync();
        var host = await TeamsTestHost.StartAsync(TeamsTestHost.ConfigFor(fake), services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(source);
            services.AddAllometryPostgres();
        });
        return new TeamsTestBed(postgres, fake, host, clock, tenant, realm, people, seeded);
    }

    /// <summary>A stable fake Entra object id per internal user.</summary>
    public static string AadOf(InternalUser user) => "00000000-0000-4000-8000-" + user.UserId.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>A stable fake Teams MRI per internal user (what <see cref="As"/> puts in <c>from.id</c>).</summary>
    public static string MriOf(InternalUser user) => "29:user-" + user.UserId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The user as the connector's roster lists them.</summary>
    public static JsonObject MemberOf(InternalUser user) => FakeBotFramework.Member(MriOf(user), AadOf(user), user.Name);

    /// <summary>A captured activity re-addressed to this bed's Entra tenant and spoken by <paramref name="role"/>.</summary>
    public JsonObject As(Role role, JsonObject activity)
    {
        activity["conversation"]!["tenantId"] = Realm;
        activity["channelData"]!["tenant"] = new JsonObject { ["id"] = Realm };
        activity["from"] = new JsonObject { ["id"] = MriOf(People[role]), ["name"] = People[role].Name, ["aadObjectId"] = AadOf(People[role]) };
        return activity;
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        Host.PostAsync(activity.ToJsonString(), "Bearer " + TestTokens.Sign(TestTokens.Claims(Fake.ServiceUrl, Clock.GetUtcNow()), Fake.Key, Fake.KeyId));

    public static string BusiestProject => Sample.Invoices
        .Where(i => i.ProjectId is not null && i.Status != InvoiceStatus.Void && i.Balance != 0m)
        .GroupBy(i => i.ProjectId!).OrderByDescending(g => g.Sum(i => i.Balance)).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    public static decimal Owed(string project) => Sample.Invoices
        .Where(i => i.ProjectId == project && i.Status != InvoiceStatus.Void && i.Balance != 0m).Sum(i => i.Balance);

    public async Task<T> ScalarAsync<T>(string sql, object parameters)
    {
        await using var connection = await Postgres.DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>Every <c>Action.Execute</c> in a rendered card, ShowCards included.</summary>
    public static IEnumerable<JsonObject> ExecuteActions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() == "Action.Execute") yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var found in ExecuteActions(child)) yield return found;
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var found in ExecuteActions(child)) yield return found;
                }
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
