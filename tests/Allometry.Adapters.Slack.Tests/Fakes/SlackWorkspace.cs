namespace Allometry.Adapters.Slack.Tests.Fakes;

using Allometry.Core.People;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Allometry.Core.Sample;
using Dapper;
using Npgsql;

/// <summary>
/// A sample tenant (ledger imported, exceptions evaluated, the sample's people seeded) whose Slack
/// workspace <see cref="TeamId"/> is bound to it, every person linked as <c>U&lt;user id&gt;</c>.
/// </summary>
internal sealed record SlackWorkspace(string Tenant, string TeamId, IReadOnlyDictionary<Role, InternalUser> People)
{
    public const string Channel = "C0FINANCE";

    public static async Task<SlackWorkspace> CreateAsync(NpgsqlDataSource dataSource)
    {
        var tenant = "slk-" + Guid.NewGuid().ToString("N")[..8];
        await new LedgerImporter(dataSource).ImportAsync(tenant, SampleOperatorGenerator.Generate(seed: 1).ToBatch(), CancellationToken.None);
        await new ExceptionEvaluator(dataSource, new LedgerSnapshotStore(dataSource), new RuleSettingsStore(dataSource), TimeProvider.System)
            .EvaluateTenantAsync(tenant, null, CancellationToken.None);
        var users = new UserStore(dataSource);
        var people = await SampleUsers.SeedAsync(users, tenant, CancellationToken.None);
        var team = "T" + tenant.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal);
        await new ChatRealmStore(dataSource).BindAsync(tenant, Platform.Slack, team, "test", CancellationToken.None);
        foreach (var person in people)
        {
            await users.LinkDirectAsync(tenant, new PlatformIdentity(Platform.Slack, team, "U" + person.UserId), person.UserId, CancellationToken.None);
        }
        return new SlackWorkspace(tenant, team, people.GroupBy(p => p.RoleIn(tenant)!.Value).ToDictionary(g => g.Key, g => g.First()));
    }

    public string SlackUser(Role role) => "U" + People[role].UserId;

    /// <summary>An open exception with a project: id, version and project.</summary>
    public async Task<(long Id, int Version, string Project)> OpenExceptionAsync(NpgsqlDataSource dataSource)
    {
        const string sql = """
            SELECT exception_id, version, project_id FROM exceptions
            WHERE tenant_id = @Tenant AND status = 'open' AND project_id IS NOT NULL AND payer_id IS NOT NULL
            ORDER BY exception_id LIMIT 1
            """;
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(long, int, string)>(sql, new { Tenant });
    }

    public async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, object? parameters = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}
