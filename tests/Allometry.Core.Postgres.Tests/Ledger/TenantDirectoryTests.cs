namespace Allometry.Core.Postgres.Tests.Ledger;

using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class TenantDirectoryTests(PostgresFixture postgres)
{
    private const string TenantTablesSql = """
        SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
          AND c.table_name NOT IN (SELECT inhrelid::regclass::text FROM pg_inherits)
        ORDER BY 1
        """;

    [Fact]
    public async Task TablesInDeleteOrder_EveryTableWithATenant_IsListed()
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();

        var tables = (await connection.QueryAsync<string>(TenantTablesSql)).ToList();

        Assert.NotEmpty(tables);
        Assert.Empty(tables.Except(TenantDirectory.TablesInDeleteOrder));
    }

    [Fact]
    public async Task DeleteAsync_ImportedTenant_RemovesItsRowsKeepsOthersAndAllowsReimport()
    {
        await using var database = await postgres.CreateDatabaseAsync();
        var importer = new LedgerImporter(database.DataSource);
        var directory = new TenantDirectory(database.DataSource);
        await importer.ImportAsync("keep", SampleOperatorGenerator.Generate().ToBatch(), CancellationToken.None);
        await importer.ImportAsync("drop", SampleOperatorGenerator.Generate().ToBatch(), CancellationToken.None);

        await directory.DeleteAsync("drop", CancellationToken.None);
        var again = await importer.ImportAsync("drop", SampleOperatorGenerator.Generate().ToBatch(), CancellationToken.None);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var keptInvoices = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM invoices WHERE tenant_id = 'keep'");
        var droppedInvoices = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM invoices WHERE tenant_id = 'drop'");
        Assert.Equal(["drop", "keep"], await directory.ListAsync(CancellationToken.None));
        Assert.Equal(SampleOperatorGenerator.Generate().Invoices.Count, keptInvoices);
        Assert.Equal(keptInvoices, droppedInvoices);
        Assert.False(again.IsUnchanged);
    }
}
