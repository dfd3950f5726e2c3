namespace Allometry.Core.Postgres.Questions;

using Allometry.Core.Ledger;
using Allometry.Core.People;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Questions;
using Dapper;
using Npgsql;

/// <summary>
/// The fallback when an asker is not in the people store (a ledger questioned before users are
/// added): an email named in
/// <paramref name="configuredRoles"/> (e.g. from <c>ALLOMETRY_ASKERS="cfo@x.ca=finance;ops@x.ca=coordinator"</c>)
/// has that role; otherwise an email that is a project's <c>pm_email</c> in the tenant is a
/// project manager; anyone else is unknown. Reads through a <see cref="TenantScope"/>.
/// </summary>
public sealed class LedgerAskerLookup(NpgsqlDataSource dataSource, IReadOnlyDictionary<string, Role>? configuredRoles = null) : IAskerLookup
{
    private const string IsPmSql = "SELECT EXISTS (SELECT 1 FROM projects WHERE tenant_id = @tenant AND lower(pm_email) = @email)";

    /// <inheritdoc />
    public async Task<InternalUser?> FindByEmailAsync(string tenantId, string email, CancellationToken ct)
    {
        var key = email.Trim().ToLowerInvariant();
        Role? role = configuredRoles?.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } hit ? hit.Value : null;
        if (role is null)
        {
            await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
            var isPm = await scope.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(IsPmSql, new { tenant = tenantId, email = key }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
            if (isPm) role = Role.ProjectManager;
        }
        return role is { } r ? new InternalUser
        {
            UserId = 0,
            Email = key,
            Name = key,
            Memberships = [new TenantMembership(tenantId, r)],
        } : null;
    }

    /// <summary>Parses <c>"a@x.ca=finance;b@x.ca=executive"</c> (roles as <see cref="LedgerVocabulary"/> spells them, or the enum name).</summary>
    public static IReadOnlyDictionary<string, Role> ParseRoles(string? text)
    {
        var roles = new Dictionary<string, Role>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Enum.TryParse<Role>(parts[1].Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var role))
            {
                throw new ArgumentException($"ALLOMETRY_ASKERS: '{pair}' is not email=role (viewer, project_manager, coordinator, finance, executive).");
            }
            roles[parts[0]] = role;
        }
        return roles;
    }
}
