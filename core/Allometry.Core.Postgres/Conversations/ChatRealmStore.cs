namespace Allometry.Core.Postgres.Conversations;

using Allometry.Core.People;
using Allometry.Core.Postgres.People;
using Allometry.Core.Postgres.Tenancy;
using Dapper;
using Npgsql;

/// <summary>
/// Which tenant each chat workspace talks to. The lookup by realm happens before any tenant is
/// known, so it goes through the owner's function <c>allometry_tenant_of_realm</c> (it returns only
/// the tenant id); binding, listing and unbinding run in the tenant's <see cref="TenantScope"/>, so
/// one tenant can neither see nor take over another's realms.
/// </summary>
public sealed class ChatRealmStore(NpgsqlDataSource dataSource)
{
    private const string TenantOfRealmSql = "SELECT allometry_tenant_of_realm(@platform, @realm)";

    /// <summary>The tenant bound to the realm, or null when the workspace is not connected.</summary>
    public async Task<string?> FindTenantAsync(Platform platform, string realm, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(realm);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(TenantOfRealmSql,
            new { platform = PeopleCodes.ToCode(platform), realm }, cancellationToken: ct)).ConfigureAwait(false);
    }

    private const string BindSql = """
        INSERT INTO chat_realms (platform, realm, tenant_id, bound_by) VALUES (@platform, @realm, @tenant, @by)
        ON CONFLICT (platform, realm) DO UPDATE SET bound_by = EXCLUDED.bound_by, bound_at = now()
        """;

    /// <summary>Connects the realm to <paramref name="tenantId"/> (again: idempotent).</summary>
    /// <exception cref="InvalidOperationException">Another tenant already holds the realm (unbind it there first).</exception>
    public async Task BindAsync(string tenantId, Platform platform, string realm, string? boundBy, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(realm);
        var holder = await FindTenantAsync(platform, realm, ct).ConfigureAwait(false);
        if (holder is not null && holder != tenantId)
        {
            // Say that it is taken, not by whom: the other tenant's id is not this admin's business.
            throw new InvalidOperationException(
                $"The {PeopleCodes.ToCode(platform)} realm '{realm}' is already connected to another tenant; it must be unbound there first. / "
                + $"Le domaine {PeopleCodes.ToCode(platform)} « {realm} » est déjà relié à un autre locataire; il doit d'abord y être délié.");
        }
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        await scope.Connection.ExecuteAsync(new CommandDefinition(BindSql,
            new { platform = PeopleCodes.ToCode(platform), realm, tenant = tenantId, by = boundBy }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
    }

    private const string UnbindSql = "DELETE FROM chat_realms WHERE tenant_id = @tenant AND platform = @platform AND realm = @realm";

    /// <summary>Disconnects the realm; false when the tenant did not hold it.</summary>
    public async Task<bool> UnbindAsync(string tenantId, Platform platform, string realm, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var removed = await scope.Connection.ExecuteAsync(new CommandDefinition(UnbindSql,
            new { tenant = tenantId, platform = PeopleCodes.ToCode(platform), realm }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        await scope.CommitAsync(ct).ConfigureAwait(false);
        return removed > 0;
    }

    private const string ListSql = """
        SELECT platform AS Platform, realm AS Realm, tenant_id AS TenantId, bound_at AS BoundAt, bound_by AS BoundBy
        FROM chat_realms WHERE tenant_id = @tenant ORDER BY platform, realm
        """;

    /// <summary>The tenant's connected realms.</summary>
    public async Task<IReadOnlyList<ChatRealmBinding>> ListAsync(string tenantId, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        var rows = await scope.Connection.QueryAsync<Row>(new CommandDefinition(ListSql, new { tenant = tenantId }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => new ChatRealmBinding(PeopleCodes.ParsePlatform(r.Platform), r.Realm, r.TenantId, r.BoundAt, r.BoundBy))];
    }

    private sealed record Row
    {
        public string Platform { get; init; } = "";
        public string Realm { get; init; } = "";
        public string TenantId { get; init; } = "";
        public DateTimeOffset BoundAt { get; init; }
        public string? BoundBy { get; init; }
    }
}
