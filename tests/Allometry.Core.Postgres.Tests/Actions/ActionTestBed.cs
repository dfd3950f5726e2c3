namespace Allometry.Core.Postgres.Tests.Actions;

using Allometry.Core.Actions;
using Allometry.Core.People;
using Allometry.Core.Postgres.Actions;
using Allometry.Core.Postgres.Exceptions;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Tests.Exceptions;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;

/// <summary>A sample tenant with its exceptions evaluated and its people seeded, the action service and SQL probes.</summary>
internal sealed class ActionTestBed(PostgresFixture postgres, PermissionSettings? settings = null)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 14, 14, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public UserStore Users { get; } = new(postgres.DataSource);

    public AuditStore Audit { get; } = new(postgres.DataSource);

    public ActionService Service { get; } = new(postgres.DataSource, new FixedTimeProvider(Now), null, settings is null ? null : new FixedPermissionSettings(settings));

    public async Task<(string Tenant, IReadOnlyDictionary<Role, InternalUser> People)> NewTenantAsync(int seed = 1)
    {
        var tenant = "act-" + Guid.NewGuid().ToString("N")[..8];
        await new LedgerImporter(postgres.DataSource).ImportAsync(tenant, SampleOperatorGenerator.Generate(seed: seed).ToBatch(), CancellationToken.None);
        var evaluator = new ExceptionEvaluator(postgres.DataSource, new LedgerSnapshotStore(postgres.DataSource), new RuleSettingsStore(postgres.DataSource), new FixedTimeProvider(Now));
        await evaluator.EvaluateTenantAsync(tenant, null, CancellationToken.None);
        var users = await SampleUsers.SeedAsync(Users, tenant, CancellationToken.None);
        return (tenant, users.GroupBy(u => u.RoleIn(tenant)!.Value).ToDictionary(g => g.Key, g => g.First()));
    }

    public static Actor ActorOf(InternalUser user) => new(user, new PlatformIdentity(Platform.Slack, "T0BOREAL", "U" + user.UserId));

    public static ActionRequest Request(string tenant, ActionVerb verb, InternalUser user, ExceptionPick pick, ActionArguments? args = null, string? key = null) => new()
    {
        TenantId = tenant, Verb = verb, Actor = ActorOf(user), IdempotencyKey = key ?? Guid.NewGuid().ToString("N"),
        ExceptionId = pick.Id, ExpectedVersion = pick.Version, Arguments = args ?? ActionArguments.None,
        Message = new MessageReference(Platform.Slack, "C0AR", "1732198440.000100"),
    };

    /// <summary>Open exceptions with a payer and a project, first ids first.</summary>
    public Task<IReadOnlyList<ExceptionPick>> OpenAsync(string tenant) => PicksAsync("""
        SELECT exception_id AS Id, version AS Version, payer_id AS PayerId, project_id AS ProjectId, NULL AS Linked
        FROM exceptions WHERE tenant_id = @tenant AND status = 'open' AND payer_id IS NOT NULL AND project_id IS NOT NULL
        ORDER BY exception_id
        """, tenant);

    /// <summary>Open exceptions on projects holding unreleased retainage, one per project.</summary>
    public Task<IReadOnlyList<ExceptionPick>> WithRetainageAsync(string tenant) => PicksAsync("""
        SELECT DISTINCT ON (e.project_id) e.exception_id AS Id, e.version AS Version, e.payer_id AS PayerId, e.project_id AS ProjectId, NULL AS Linked
        FROM exceptions e
        WHERE e.tenant_id = @tenant AND e.status = 'open'
          AND (SELECT sum(h.held_amount) FROM retainage_holds h WHERE h.tenant_id = e.tenant_id AND h.project_id = e.project_id AND h.released_on IS NULL) > 100
        ORDER BY e.project_id, e.exception_id
        """, tenant);

    /// <summary>Open exceptions whose payer has a linked entity (Linked).</summary>
    public Task<IReadOnlyList<ExceptionPick>> WithLinkedPayerAsync(string tenant) => PicksAsync("""
        SELECT e.exception_id AS Id, e.version AS Version, e.payer_id AS PayerId, e.project_id AS ProjectId,
               min(CASE WHEN l.from_payer_id = e.payer_id THEN l.to_payer_id ELSE l.from_payer_id END) AS Linked
        FROM exceptions e JOIN entity_links l ON l.tenant_id = e.tenant_id AND e.payer_id IN (l.from_payer_id, l.to_payer_id)
        WHERE e.tenant_id = @tenant AND e.status = 'open'
        GROUP BY e.exception_id, e.version, e.payer_id, e.project_id
        ORDER BY e.exception_id
        """, tenant);

    public async Task<ExceptionPick> CurrentAsync(string tenant, long id) => (await PicksAsync("""
        SELECT exception_id AS Id, version AS Version, payer_id AS PayerId, project_id AS ProjectId, status::text AS Linked
        FROM exceptions WHERE tenant_id = @tenant AND exception_id = @id
        """, tenant, id)).Single();

    public async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public Task<long> AuditCountAsync(string tenant, long? id = null) =>
        CountAsync("SELECT count(*) FROM action_audit WHERE tenant_id = @tenant AND (@id::bigint IS NULL OR exception_id = @id)", new { tenant, id });

    private async Task<IReadOnlyList<ExceptionPick>> PicksAsync(string sql, string tenant, long? id = null)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<ExceptionPick>(sql, new { tenant, id })];
    }
}

/// <summary>An exception a test acts on (Linked: a linked payer, or the status when read back).</summary>
internal sealed class ExceptionPick
{
    public long Id { get; init; }
    public int Version { get; init; }
    public string? PayerId { get; init; }
    public string? ProjectId { get; init; }
    public string? Linked { get; init; }
}
