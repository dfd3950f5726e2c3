namespace Allometry.Core.Postgres.Digests;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Postgres.Tenancy;
using Dapper;
using Npgsql;

/// <summary>
/// Resolves a viewer by email through the people tables (<c>app_users</c>, <c>tenant_memberships</c>)
/// inside a <see cref="TenantScope"/>: a person without a membership in the tenant is not found.
/// </summary>
public sealed class ViewerDirectory(NpgsqlDataSource dataSource)
{
    private const string FindSql = """
        SELECT u.email AS Email, u.name AS Name, m.role::text AS Role, u.language::text AS Language
        FROM app_users u
        JOIN tenant_memberships m ON m.user_id = u.user_id AND m.tenant_id = @tenant
        WHERE u.email = lower(@email)
        """;

    /// <summary>The tenant's member with <paramref name="email"/>, or null.</summary>
    /// <exception cref="InvalidOperationException">The people tables do not exist yet in this database.</exception>
    public async Task<QueueViewer?> FindAsync(string tenantId, string email, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        await using var scope = await TenantScope.BeginAsync(dataSource, tenantId, ct).ConfigureAwait(false);
        try
        {
            var row = await scope.Connection.QuerySingleOrDefaultAsync<(string Email, string Name, string Role, string Language)?>(
                new CommandDefinition(FindSql, new { tenant = tenantId, email = email.Trim() }, scope.Transaction, cancellationToken: ct)).ConfigureAwait(false);
            return row is { } r
                ? new QueueViewer(r.Email, r.Name, LedgerVocabulary.Parse<Role>(r.Role), LedgerVocabulary.Parse<Language>(r.Language))
                : null;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn)
        {
            throw new InvalidOperationException(
                "The users table is not available yet: use --role as a stand-in / la table des utilisateurs n'existe pas encore : utilisez --role", e);
        }
    }
}
