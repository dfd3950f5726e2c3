namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Sample;
using Allometry.Core.Tax;
using Allometry.Testing;
using Dapper;

/// <summary>
/// <c>invoice_tax_fits</c> (migration 0021) stays equal to a GROUP BY of the tenant's reviewable
/// invoices, whatever writes them: a first import (rebuilt at attach), a re-import, direct SQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InvoiceTaxFitsTests(PostgresFixture postgres)
{
    // Both sides keyed alike; a row of either side without its twin (a key left at 0 included) is drift.
    private const string Drift = """
        WITH actual AS (
            SELECT project_id, payer_id, ns_after_change, tax_fit, invoices
            FROM invoice_tax_fits WHERE tenant_id = @tenant
        ), expected AS (
            SELECT project_id, payer_id, due_date >= DATE '2025-04-01' AS ns_after_change, tax_fit, count(*)::int AS invoices
            FROM invoices
            WHERE tenant_id = @tenant AND project_id IS NOT NULL
              AND origin = 'workbook' AND status <> 'void' AND total >= 0 AND subtotal >= 0
            GROUP BY 1, 2, 3, 4
        )
        SELECT coalesce(a.project_id, e.project_id) || '/' || coalesce(a.payer_id, e.payer_id) || '/'
               || coalesce(a.ns_after_change, e.ns_after_change) || '/' || coalesce(a.tax_fit, e.tax_fit) || ': '
               || coalesce(a.invoices::text, 'none') || ' <> ' || coalesce(e.invoices::text, 'none')
        FROM actual a
        FULL JOIN expected e ON a.project_id = e.project_id AND a.payer_id = e.payer_id
                            AND a.ns_after_change = e.ns_after_change AND a.tax_fit = e.tax_fit
        WHERE a.invoices IS DISTINCT FROM e.invoices
        """;

    private readonly LedgerImporter _importer = new(postgres.DataSource);

    private static string NewTenant() => "fit-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<List<string>> DriftAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>(Drift, new { tenant })];
    }

    private async Task<long> RowsAsync(string tenant, string projectId)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<long>(
            "SELECT coalesce(sum(invoices), 0) FROM invoice_tax_fits WHERE tenant_id = @tenant AND project_id = @projectId",
            new { tenant, projectId });
    }

    [Fact]
    public async Task NsRateChange_SqlFunction_IsTheCoreConstant()
    {
        // Arrange
        await using var connection = await postgres.DataSource.OpenConnectionAsync();

        // Act
        var change = await connection.QuerySingleAsync<DateTime>("SELECT allometry_ns_rate_change()");

        // Assert: the Drift query above spells the same date
        Assert.Equal(SalesTax.NsRateChange, DateOnly.FromDateTime(change));
    }

    [Fact]
    public async Task InvoiceTaxFits_FirstImportOfTheBoundaryLedger_EqualsTheGroupedInvoices()
    {
        // Arrange
        var tenant = NewTenant();

        // Act
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);

        // Assert: void and credit notes left out, both sides of the change present
        Assert.Empty(await DriftAsync(tenant));
        Assert.Equal(3, await RowsAsync(tenant, "QC-CLEAN"));
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var sides = (await connection.QueryAsync<bool>(
            "SELECT DISTINCT ns_after_change FROM invoice_tax_fits WHERE tenant_id = @tenant ORDER BY 1", new { tenant })).ToList();
        Assert.Equal([false, true], sides);
    }

    [Fact]
    public async Task InvoiceTaxFits_FirstImportOfTheSample_EqualsTheGroupedInvoices()
    {
        // Arrange
        var tenant = NewTenant();

        // Act
        await _importer.ImportAsync(tenant, SampleOperatorGenerator.Generate().ToBatch(), CancellationToken.None);

        // Assert
        Assert.Empty(await DriftAsync(tenant));
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        Assert.True(await connection.QuerySingleAsync<long>("SELECT count(*) FROM invoice_tax_fits WHERE tenant_id = @tenant", new { tenant }) > 10);
    }

    [Fact]
    public async Task InvoiceTaxFits_ReimportChangingAddingAndVoiding_FollowsTheInvoices()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);
        var b = TaxLedger.Build();
        var at = b.Invoices.FindIndex(i => i.InvoiceId == "QC-1");
        b.Invoices[at] = b.Invoices[at] with { Gst = b.Invoices[at].Gst + 1m };                            // changes its fit
        at = b.Invoices.FindIndex(i => i.InvoiceId == "NS-A");
        b.Invoices[at] = b.Invoices[at] with { Status = InvoiceStatus.Void };                              // leaves the count
        at = b.Invoices.FindIndex(i => i.InvoiceId == "NS-B");
        b.Invoices[at] = b.Invoices[at] with { DueDate = new DateOnly(2025, 3, 31) };                      // crosses the change
        TaxLedger.Add(b, TaxLedger.Taxed("QC-4", "PQ", "QC-CLEAN", 250m, Province.QC));                  // new

        // Act
        await _importer.ImportAsync(tenant, b.Build(), CancellationToken.None);

        // Assert
        Assert.Empty(await DriftAsync(tenant));
        Assert.Equal(4, await RowsAsync(tenant, "QC-CLEAN"));
        Assert.Equal(0, await RowsAsync(tenant, "NS-0331"));
    }

    [Fact]
    public async Task InvoiceTaxFits_DirectWritesAsTheAppRole_FollowEveryStatement()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);
        var drift = new List<List<string>>();
        var qcClean = new List<long>();

        // Act: each statement inside the tenant's scope (allometry_app, under row-level security)
        string[] statements =
        [
            "UPDATE invoices SET subtotal = subtotal + 10, gst = gst + 0.50 WHERE invoice_id = 'QC-1'",
            "UPDATE invoices SET gst = gst + 0.01 WHERE project_id = 'QC-CLEAN'",
            "UPDATE invoices SET balance = 0 WHERE project_id = 'QC-CLEAN'",
            "UPDATE invoices SET due_date = DATE '2025-04-01' WHERE invoice_id = 'NS-A'",
            "UPDATE invoices SET status = 'void' WHERE invoice_id = 'QC-2'",
            "DELETE FROM invoices WHERE invoice_id IN ('QC-3', 'NS-B')",
            "INSERT INTO invoices (tenant_id, invoice_id, payer_id, project_id, kind, issue_date, due_date, subtotal, gst, qst, total, balance, import_id, as_of) "
                + "VALUES (@tenant, 'QC-9', 'PQ', 'QC-CLEAN', 'progress', '2026-01-01', '2026-02-01', 100, 5, 9.98, 114.98, 114.98, 0, '2026-11-20')",
        ];
        foreach (var sql in statements)
        {
            await using var scope = await TenantScope.BeginAsync(postgres.DataSource, tenant, CancellationToken.None);
            await scope.Connection.ExecuteAsync(sql, new { tenant }, scope.Transaction);
            await scope.CommitAsync(CancellationToken.None);
            drift.Add(await DriftAsync(tenant));
            qcClean.Add(await RowsAsync(tenant, "QC-CLEAN"));
        }

        // Assert
        Assert.All(drift, Assert.Empty);
        Assert.Equal([3L, 3L, 3L, 3L, 2L, 1L, 2L], qcClean);
        Assert.Equal(0, await RowsAsync(tenant, "NS-0401"));
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        Assert.True(await connection.QuerySingleAsync<bool>(
            "SELECT ns_after_change FROM invoice_tax_fits WHERE tenant_id = @tenant AND project_id = 'NS-0331'", new { tenant }));
    }

    [Fact]
    public async Task InvoiceTaxFits_AnotherTenantsScope_SeesNoRow()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);

        // Act
        await using var scope = await TenantScope.BeginAsync(postgres.DataSource, NewTenant(), CancellationToken.None);
        var seen = await scope.Connection.QuerySingleAsync<long>(
            "SELECT count(*) FROM invoice_tax_fits WHERE tenant_id = @tenant", new { tenant }, scope.Transaction);

        // Assert
        Assert.Equal(0, seen);
        Assert.True(await RowsAsync(tenant, "QC-CLEAN") > 0);
    }
}
