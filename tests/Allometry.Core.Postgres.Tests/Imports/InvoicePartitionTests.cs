namespace Allometry.Core.Postgres.Tests.Imports;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Imports;
using Allometry.Testing;
using Dapper;

/// <summary>A tenant's first import: the new partition ends with exactly the parent's indexes, each built once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class InvoicePartitionTests(PostgresFixture postgres)
{
    private readonly LedgerImporter _importer = new(postgres.DataSource);

    private static string NewTenant() => "part-" + Guid.NewGuid().ToString("N")[..8];

    // One invoice of each kind the partial indexes single out, and one they all leave out.
    private static LedgerBatchBuilder Ledger()
    {
        var b = new LedgerBatchBuilder().Payer("P1").Project("PR1", "P1");
        b.Invoices.Add(LedgerBatchBuilder.NewInvoice("F-1", "P1", 100m, "PR1") with { Kind = InvoiceKind.Final });
        b.Invoices.Add(LedgerBatchBuilder.NewInvoice("R-1", "P1", 100m, "PR1") with { Kind = InvoiceKind.RetainageRelease });
        b.Invoices.Add(LedgerBatchBuilder.NewInvoice("S-1", "P1", 100m, "PR1") with { Kind = InvoiceKind.Service });
        b.Invoices.Add(LedgerBatchBuilder.NewInvoice("H-1", "P1", 100m, "PR1") with { RetainageHeld = 10m });
        b.Invoices.Add(LedgerBatchBuilder.NewInvoice("A-1", "P1", 100m) with { Origin = InvoiceOrigin.AgingDetail, TaxProvince = Province.QC });
        b.Invoices.Add(LedgerBatchBuilder.NewInvoice("P-1", "P1", 100m, "PR1", balance: 0m) with { Status = InvoiceStatus.Paid });
        return b;
    }

    [Fact]
    public async Task ImportAsync_FirstImport_PartitionHasEachParentIndexOnceAttached()
    {
        // Arrange
        var tenant = NewTenant();

        // Act
        await _importer.ImportAsync(tenant, Ledger().Build(), CancellationToken.None);

        // Assert: as many indexes as the parent, every one attached to a parent index, none twice
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var partition = await connection.QuerySingleAsync<string>(
            "SELECT 'invoices_t' || tenant_no FROM tenants WHERE tenant_id = @tenant", new { tenant });
        var counts = await connection.QuerySingleAsync<(long Parent, long Own, long Attached, long Distinct)>("""
            SELECT (SELECT count(*) FROM pg_index WHERE indrelid = 'invoices'::regclass),
                   (SELECT count(*) FROM pg_index WHERE indrelid = @partition::regclass),
                   (SELECT count(*) FROM pg_index i JOIN pg_inherits h ON h.inhrelid = i.indexrelid WHERE i.indrelid = @partition::regclass),
                   (SELECT count(DISTINCT h.inhparent) FROM pg_index i JOIN pg_inherits h ON h.inhrelid = i.indexrelid WHERE i.indrelid = @partition::regclass)
            """, new { partition });
        Assert.True(counts.Parent > 3);
        Assert.Equal((counts.Parent, counts.Parent, counts.Parent), (counts.Own, counts.Attached, counts.Distinct));
    }

    [Fact]
    public async Task ImportAsync_FirstImport_PartialIndexesBuiltAtAttachHoldTheirRows()
    {
        // Arrange
        var tenant = NewTenant();

        // Act
        await _importer.ImportAsync(tenant, Ledger().Build(), CancellationToken.None);

        // Assert: with sequential and bitmap scans off each query is answered through an index, its
        // partial one being the smallest that matches: it names exactly its invoices
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off", transaction: transaction);
        async Task<string> Ids(string where) => string.Join(",", await connection.QueryAsync<string>(
            $"SELECT invoice_id FROM invoices WHERE tenant_id = @tenant AND {where} ORDER BY invoice_id", new { tenant }, transaction));
        Assert.Equal("F-1", await Ids("kind = 'final' AND status <> 'void' AND project_id = 'PR1'"));
        Assert.Equal("R-1", await Ids("kind = 'retainage_release' AND status <> 'void' AND project_id = 'PR1'"));
        Assert.Equal("S-1", await Ids("kind = 'service' AND status <> 'void' AND project_id = 'PR1'"));
        Assert.Equal("H-1", await Ids("retainage_held > 0 AND status <> 'void' AND kind <> 'retainage_release' AND project_id = 'PR1'"));
        Assert.Equal("A-1", await Ids("origin <> 'workbook' AND payer_id = 'P1'"));
    }
}
