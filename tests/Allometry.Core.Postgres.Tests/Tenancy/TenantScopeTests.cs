namespace Allometry.Core.Postgres.Tests.Tenancy;

using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;
using Npgsql;

[Collection(PostgresCollection.Name)]
public sealed class TenantScopeTests(PostgresFixture postgres)
{
    private const string UnfilteredCount = "SELECT count(*) FROM invoices";

    private const string TenantTablesWithoutPolicy = """
        SELECT c.relname FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation')
        """;

    [Fact]
    public async Task Policies_EveryTableWithATenant_IsIsolated()
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();

        var unprotected = (await connection.QueryAsync<string>(TenantTablesWithoutPolicy)).ToList();

        Assert.Empty(unprotected);
    }

    [Fact]
    public async Task BeginAsync_QueryWithoutWhere_SeesOnlyItsTenant()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        var importer = new LedgerImporter(database.DataSource);
        var sample = SampleOperatorGenerator.Generate();
        await importer.ImportAsync("tenant-a", sample.ToBatch(), CancellationToken.None);
        await importer.ImportAsync("tenant-b", SampleOperatorGenerator.Generate(seed: 3).ToBatch(), CancellationToken.None);

        long seenByA;
        await using (var scope = await TenantScope.BeginAsync(database.DataSource, "tenant-a", CancellationToken.None))
        {
            seenByA = await scope.Connection.ExecuteScalarAsync<long>(UnfilteredCount, transaction: scope.Transaction);
        }
        long seenByNobody;
        await using (var scope = await TenantScope.BeginAsync(database.DataSource, "no-such-tenant", CancellationToken.None))
        {
            seenByNobody = await scope.Connection.ExecuteScalarAsync<long>(UnfilteredCount, transaction: scope.Transaction);
        }
        await using var owner = await database.DataSource.OpenConnectionAsync();
        var all = await owner.ExecuteScalarAsync<long>(UnfilteredCount);

        Assert.Equal(sample.Invoices.Count, seenByA);
        Assert.Equal(0, seenByNobody);
        Assert.True(all > seenByA);
    }

    [Fact]
    public async Task BeginAsync_WritingAnotherTenantsRow_Refused()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await new LedgerImporter(database.DataSource).ImportAsync("tenant-a", SampleOperatorGenerator.Generate().ToBatch(), CancellationToken.None);

        await using var scope = await TenantScope.BeginAsync(database.DataSource, "tenant-a", CancellationToken.None);
        var error = await Assert.ThrowsAsync<PostgresException>(() => scope.Connection.ExecuteAsync(
            "UPDATE tenants SET tenant_id = 'tenant-z' WHERE tenant_id = 'tenant-a'", transaction: scope.Transaction));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task DisposeAsync_PooledConnection_DoesNotKeepTheTenantOrRole()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        await using (var scope = await TenantScope.BeginAsync(database.DataSource, "tenant-a", CancellationToken.None))
        {
            await scope.CommitAsync(CancellationToken.None);
        }

        await using var next = await database.DataSource.OpenConnectionAsync();
        var setting = await next.ExecuteScalarAsync<string?>("SELECT current_setting('allometry.tenant_id', true)");
        var role = await next.ExecuteScalarAsync<string>("SELECT current_user");

        Assert.True(string.IsNullOrEmpty(setting));
        Assert.NotEqual(TenantScope.AppRole, role);
    }
}
