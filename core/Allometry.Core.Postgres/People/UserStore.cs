namespace Allometry.Core.Postgres.People;

using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Tenancy;
using Dapper;
using Npgsql;

/// <summary>
/// Internal users, their platform identities and their roles, always read and written inside a
/// <see cref="TenantScope"/>: a user's memberships come back filtered to the scope's tenant, so a
/// user row never reveals which other tenants the person works for.
/// </summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    // The owner's function: the person may already exist for another tenant, whose row this scope cannot see.
    private const string UpsertUserSql = "SELECT allometry_upsert_user(@email, @name, @language, @timeZone)";

    private const string UpsertMembershipSql = """
        INSERT INTO tenant_memberships (tenant_id, user_id, role) VALUES (@tenant, @userId, @role)
        ON CONFLICT (tenant_id, user_id) DO UPDATE SET role = EXCLUDED.role
        """;

    private const string LinkSql = """
        INSERT INTO platform_identities (platform, realm, platform_user_id, user_id) VALUES (@platform, @realm, @platformUserId, @userId)
        ON CONFLICT (platform, realm, platform_user_id) DO UPDATE SET user_id = EXCLUDED.user_id, linked_at = now()
        """;

    // Only users with a membership in the scope's tenant (row-level security filters memberships).
    private const string SelectUsersSql = """
        SELECT u.user_id AS UserId, u.email AS Email, u.name AS Name, u.language::text AS Language, u.time_zone AS TimeZone,
               m.tenant_id AS TenantId, m.role::text AS Role
        FROM app_users u JOIN tenant_memberships m ON m.user_id = u.user_id
        WHERE (@email::text IS NULL OR u.email = @email) AND (@userId::bigint IS NULL OR u.user_id = @userId)
        ORDER BY u.email
        """;

    private const string UserOfIdentitySql = """
        SELECT user_id FROM platform_identities WHERE platform = @platform AND realm = @realm AND platform_user_id = @platformUserId
        """;

    private const string SetContactSql = """
        INSERT INTO escalation_contacts (tenant_id, role, email) VALUES (@tenant, @role, @email)
        ON CONFLICT (tenant_id, role) DO UPDATE SET email = EXCLUDED.email
        """;

    private const string SetManagerSql = """
        INSERT INTO pm_managers (tenant_id, pm_email, manager_email) VALUES (@tenant, @pm, @manager)
        ON CONFLICT (tenant_id, pm_email) DO UPDATE SET manager_email = EXCLUDED.manager_email
        """;

    /// <summary>Adds (or updates) a user by email and gives them <paramref name="role"/> in the tenant.</summary>
    public async Task<InternalUser> AddAsync(string tenantId, string email, string name, Role role, Language language, CancellationToken ct, string timeZone = "America/Toronto")
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        var userId = await scope.Connection.ExecuteScalarAsync<long>(new CommandDefinition(UpsertUserSql,
            new { email = Normalize(email), name, language = PeopleCodes.ToCode(language), timeZone }, scope.Transaction, cancellationToken: ct));
        await scope.Connection.ExecuteAsync(new CommandDefinition(UpsertMembershipSql,
            new { tenant = tenantId, userId, role = PeopleCodes.ToCode(role) }, scope.Transaction, cancellationToken: ct));
        var user = await FindAsync(scope, null, userId, ct);
        await scope.CommitAsync(ct);
        return user!;
    }

    /// <summary>The tenant's users, by email.</summary>
    public async Task<IReadOnlyList<InternalUser>> ListAsync(string tenantId, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        return await QueryAsync(scope, null, null, ct);
    }

    /// <summary>The tenant's user with this email, or null (also when the person works only for other tenants).</summary>
    public async Task<InternalUser?> FindByEmailAsync(string tenantId, string email, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        return (await QueryAsync(scope, Normalize(email), null, ct)).SingleOrDefault();
    }

    /// <summary>The tenant's user behind a linked platform identity, or null when unlinked or not a member.</summary>
    public async Task<InternalUser?> FindByIdentityAsync(string tenantId, PlatformIdentity identity, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        var userId = await scope.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(UserOfIdentitySql, IdentityArgs(identity), scope.Transaction, cancellationToken: ct));
        return userId is null ? null : await FindAsync(scope, null, userId, ct);
    }

    /// <summary>
    /// Links <paramref name="identity"/> to the tenant's user whose email the platform directory
    /// verifies. Null when the directory does not know the person, exposes no email, or the email
    /// is not a user of the tenant: the channel then shows <see cref="UnlinkedUserNotice"/>.
    /// </summary>
    public async Task<InternalUser?> LinkAsync(string tenantId, PlatformIdentity identity, IDirectory directory, CancellationToken ct)
    {
        var known = await directory.FindUserAsync(identity, ct);
        if (known?.Email is not { Length: > 0 } email) return null;
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        var user = (await QueryAsync(scope, Normalize(email), null, ct)).SingleOrDefault();
        if (user is null) return null;
        await scope.Connection.ExecuteAsync(new CommandDefinition(LinkSql, IdentityArgs(identity, user.UserId), scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
        return user;
    }

    /// <summary>Links an identity to a known user directly (the CLI's <c>cli:local:&lt;email&gt;</c>, tests, an admin).</summary>
    public async Task LinkDirectAsync(string tenantId, PlatformIdentity identity, long userId, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition(LinkSql, IdentityArgs(identity, userId), scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }

    private const string LockIdentitySql = """
        SELECT user_id FROM platform_identities WHERE platform = @platform AND realm = @realm AND platform_user_id = @platformUserId
        FOR UPDATE
        """;

    private const string TenantOfRealmSql = "SELECT allometry_tenant_of_realm(@platform, @realm)";

    private const string AdminLinkSql = """
        INSERT INTO platform_identities (platform, realm, platform_user_id, user_id) VALUES (@platform, @realm, @platformUserId, @userId)
        ON CONFLICT (platform, realm, platform_user_id) DO NOTHING
        """;

    // Row-level security (0017) lets a scope delete only identities of its own tenant's people.
    private const string UnlinkSql = """
        DELETE FROM platform_identities WHERE platform = @platform AND realm = @realm AND platform_user_id = @platformUserId AND user_id = @userId
        """;

    /// <summary>
    /// Links a chat identity to the tenant's user <paramref name="email"/> on an administrator's word
    /// (<c>allometry users link</c>), for platforms whose directory cannot verify the person's email.
    /// Never takes an identity from someone else: that is refused, naming who holds it when they work
    /// for this tenant. Linking the same person again changes nothing.
    /// </summary>
    /// <returns>The user, and whether the identity was already theirs.</returns>
    /// <exception cref="LocalizedArgumentException">The email is not a user of the tenant, the identity is someone else's, or its realm is another tenant's.</exception>
    public async Task<(InternalUser User, bool AlreadyLinked)> LinkByAdministratorAsync(string tenantId, string email, PlatformIdentity identity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identity);
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        var user = await FindAsync(scope, Normalize(email), null, ct) ?? throw new LocalizedArgumentException(IdentityLinkTexts.UnknownEmail(Normalize(email), tenantId));
        var realmTenant = await scope.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(TenantOfRealmSql, IdentityArgs(identity), scope.Transaction, cancellationToken: ct));
        if (realmTenant is not null && realmTenant != tenantId) throw new LocalizedArgumentException(IdentityLinkTexts.RealmOfAnotherTenant(identity));
        var holder = await scope.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(LockIdentitySql, IdentityArgs(identity), scope.Transaction, cancellationToken: ct));
        if (holder == user.UserId) return (user, true);
        if (holder is { } other)
        {
            throw new LocalizedArgumentException(await FindAsync(scope, null, other, ct) is { } known
                ? IdentityLinkTexts.LinkedToSomeoneElse(identity, known)
                : IdentityLinkTexts.LinkedOutsideTenant(identity));
        }
        var inserted = await scope.Connection.ExecuteAsync(new CommandDefinition(AdminLinkSql, IdentityArgs(identity, user.UserId), scope.Transaction, cancellationToken: ct));
        // Linked by someone else between the check and the insert (the row did not exist to lock): the caller may retry.
        if (inserted == 0) throw new LocalizedArgumentException(IdentityLinkTexts.LinkedOutsideTenant(identity));
        await scope.CommitAsync(ct);
        return (user, false);
    }

    /// <summary>
    /// Removes the link of a chat identity to one of the tenant's people (<c>allometry users unlink</c>);
    /// when <paramref name="email"/> is given, only if it is theirs. The person then gets the
    /// "I don't know you yet" notice in chat until linked again.
    /// </summary>
    /// <returns>The user the identity was linked to.</returns>
    /// <exception cref="LocalizedArgumentException">Not linked, linked to someone else than <paramref name="email"/>, or to a person outside the tenant.</exception>
    public async Task<InternalUser> UnlinkAsync(string tenantId, PlatformIdentity identity, string? email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identity);
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        var holder = await scope.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(LockIdentitySql, IdentityArgs(identity), scope.Transaction, cancellationToken: ct))
            ?? throw new LocalizedArgumentException(IdentityLinkTexts.NotLinked(identity));
        var user = await FindAsync(scope, null, holder, ct) ?? throw new LocalizedArgumentException(IdentityLinkTexts.LinkedOutsideTenant(identity));
        if (email is not null && Normalize(email) != user.Email) throw new LocalizedArgumentException(IdentityLinkTexts.LinkedToAnother(identity, user, Normalize(email)));
        await scope.Connection.ExecuteAsync(new CommandDefinition(UnlinkSql, IdentityArgs(identity, user.UserId), scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
        return user;
    }

    /// <summary>Who receives an escalation at a step of the chain (finance, then executive).</summary>
    public async Task SetEscalationContactAsync(string tenantId, Role role, string email, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition(SetContactSql, new { tenant = tenantId, role = PeopleCodes.ToCode(role), email = Normalize(email) }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }

    /// <summary>A project manager's manager, used when the directory cannot say.</summary>
    public async Task SetManagerAsync(string tenantId, string pmEmail, string managerEmail, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition(SetManagerSql, new { tenant = tenantId, pm = Normalize(pmEmail), manager = Normalize(managerEmail) }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }

    internal static async Task<InternalUser?> FindAsync(TenantScope scope, string? email, long? userId, CancellationToken ct) =>
        (await QueryAsync(scope, email, userId, ct)).SingleOrDefault();

    private static async Task<IReadOnlyList<InternalUser>> QueryAsync(TenantScope scope, string? email, long? userId, CancellationToken ct)
    {
        var rows = await scope.Connection.QueryAsync<UserRow>(new CommandDefinition(SelectUsersSql, new { email, userId }, scope.Transaction, cancellationToken: ct));
        return [.. rows.GroupBy(r => r.UserId).Select(g => new InternalUser
        {
            UserId = g.Key, Email = g.First().Email, Name = g.First().Name,
            Language = PeopleCodes.ParseLanguage(g.First().Language), TimeZone = g.First().TimeZone,
            Memberships = [.. g.Select(r => new TenantMembership(r.TenantId, PeopleCodes.ParseRole(r.Role)))],
        })];
    }

    internal static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static object IdentityArgs(PlatformIdentity identity, long? userId = null) =>
        new { platform = PeopleCodes.ToCode(identity.Platform), realm = identity.Realm, platformUserId = identity.UserId, userId };

    private sealed record UserRow(long UserId, string Email, string Name, string Language, string TimeZone, string TenantId, string Role);
}
