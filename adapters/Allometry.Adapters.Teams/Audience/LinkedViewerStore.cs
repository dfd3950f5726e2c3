namespace Allometry.Adapters.Teams.Audience;

using Allometry.Core.People;
using Allometry.Core.Postgres.Conversations;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Tenancy;
using Dapper;
using Npgsql;

/// <summary>
/// The tenant users linked on Teams in an Entra tenant (the realm), with their role and whether they manage a given
/// exception's project. Read inside the realm's tenant scope, so only that tenant's people come back.
/// </summary>
internal sealed class LinkedViewerStore(NpgsqlDataSource dataSource)
{
    private readonly ChatRealmStore _realms = new(dataSource);

    // One statement: the linked people of the realm who work for the scope's tenant (memberships are filtered by
    // row-level security), and whether the exception's project is theirs as PM.
    private const string ViewersSql = """
        SELECT pi.platform_user_id AS TeamsUserId, m.role::text AS Role,
               COALESCE(u.email = lower(btrim(pm.pm_email)), false) AS OwnProject
        FROM platform_identities pi
        JOIN tenant_memberships m ON m.user_id = pi.user_id
        JOIN app_users u ON u.user_id = pi.user_id
        LEFT JOIN LATERAL (
            SELECT pr.pm_email FROM exceptions e
            JOIN projects pr ON pr.tenant_id = e.tenant_id AND pr.project_id = e.project_id
            WHERE e.exception_id = @exceptionId
        ) pm ON true
        WHERE pi.platform = 'teams' AND pi.realm = @realm
        """;

    /// <summary>Everyone linked in <paramref name="realm"/>; empty when the realm is bound to no tenant.</summary>
    public async Task<IReadOnlyList<LinkedViewer>> ForRealmAsync(string realm, long exceptionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(realm);
        var tenant = await _realms.FindTenantAsync(Platform.Teams, realm, ct).ConfigureAwait(false);
        if (tenant is null) return [];
        await using var scope = await TenantScope.BeginAsync(dataSource, tenant, ct).ConfigureAwait(false);
        var rows = await scope.Connection.QueryAsync<Row>(new CommandDefinition(ViewersSql, new { realm, exceptionId }, scope.Transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        return [.. rows.Select(r => new LinkedViewer(r.TeamsUserId, PeopleCodes.ParseRole(r.Role), r.OwnProject))];
    }

    private sealed record Row(string TeamsUserId, string Role, bool OwnProject);
}
