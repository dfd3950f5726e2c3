namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Testing;
using Dapper;

/// <summary>
/// <c>invoice_tax_fits.province</c> (migration 0023) stays each group's place of supply (the
/// project's site, or the payer's province for a service project when it has one; none when the
/// project is missing), whatever writes the invoices, projects or payers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InvoiceTaxFitPlacesTests(PostgresFixture postgres)
{
    private const string Drift = """
        SELECT f.project_id || '/' || f.payer_id || ': ' || coalesce(f.province::text, 'none') || ' <> '
               || coalesce((CASE WHEN pr.supply_type = 'service' AND py.province IS NOT NULL THEN py.province ELSE pr.site_province END)::text, 'none')
        FROM invoice_tax_fits f
        LEFT JOIN projects pr ON pr.tenant_id = f.tenant_id AND pr.project_id = f.project_id
        LEFT JOIN payers py ON py.tenant_id = f.tenant_id AND py.payer_id = f.payer_id
        WHERE f.tenant_id = @tenant
          AND f.province IS DISTINCT FROM (CASE WHEN pr.supply_type = 'service' AND py.province IS NOT NULL THEN py.province ELSE pr.site_province END)
        """;

    private readonly LedgerImporter _importer = new(postgres.DataSource);

    private static string NewTenant() => "place-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<List<string>> DriftAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>(Drift, new { tenant })];
    }

    // The distinct places of a project's groups ("none" when unplaced), in order.
    private async Task<string> PlaceAsync(string tenant, string projectId)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var places = await connection.QueryAsync<string>(
            "SELECT DISTINCT coalesce(province::text, 'none') FROM invoice_tax_fits WHERE tenant_id = @tenant AND project_id = @projectId ORDER BY 1",
            new { tenant, projectId });
        return string.Join(' ', places);
    }

    [Fact]
    public async Task Place_FirstImportOfTheBoundaryLedger_IsTheSiteOrTheServicePayersProvince()
    {
        // Arrange
        var tenant = NewTenant();

        // Act
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);

        // Assert: a service project is placed at its payer's province, unless the payer has none
        Assert.Empty(await DriftAsync(tenant));
        Assert.Equal("QC", await PlaceAsync(tenant, "QC-CLEAN"));
        Assert.Equal("QC", await PlaceAsync(tenant, "SVC-OK"));
        Assert.Equal("ON", await PlaceAsync(tenant, "SVC-BAD"));
        Assert.Equal("ON", await PlaceAsync(tenant, "SVC-NOPROV"));
    }

    [Fact]
    public async Task Place_ReimportMovingASiteAndAPayer_FollowsThem()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);
        var b = TaxLedger.Build();
        var at = b.Projects.FindIndex(p => p.ProjectId == "QC-BASE");
        b.Projects[at] = b.Projects[at] with { SiteProvince = Province.ON };
        at = b.Payers.FindIndex(p => p.PayerId == "PN");
        b.Payers[at] = b.Payers[at] with { Province = Province.NB };

        // Act
        await _importer.ImportAsync(tenant, b.Build(), CancellationToken.None);

        // Assert
        Assert.Empty(await DriftAsync(tenant));
        Assert.Equal("ON", await PlaceAsync(tenant, "QC-BASE"));
        Assert.Equal("NB", await PlaceAsync(tenant, "SVC-NOPROV"));
    }

    [Fact]
    public async Task Place_DirectWritesAsTheAppRole_FollowEveryStatement()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);
        var drift = new List<List<string>>();
        var places = new List<string>();

        // Act: each statement inside the tenant's scope (allometry_app, under row-level security)
        const string NewInvoice = "INSERT INTO invoices (tenant_id, invoice_id, payer_id, project_id, kind, issue_date, due_date, subtotal, gst, qst, total, balance, import_id, as_of) "
            + "VALUES (@tenant, 'LATE-1', 'PO', 'LATE', 'progress', '2026-01-01', '2026-02-01', 100, 5, 9.98, 114.98, 114.98, 0, '2026-11-20')";
        string[] statements =
        [
            NewInvoice,                                                                                            // project missing: unplaced
            "INSERT INTO projects (tenant_id, project_id, name, site_province, contract_payer_id, import_id, as_of) "
                + "VALUES (@tenant, 'LATE', 'Late project', 'QC', 'PO', 0, '2026-11-20')",                    // the project arrives
            "UPDATE projects SET supply_type = 'service' WHERE project_id = 'LATE'",                              // placed at its payer PO's province
            "UPDATE payers SET province = 'NB' WHERE payer_id = 'PO'",                                           // ...which moves
            "UPDATE projects SET supply_type = 'goods', site_province = 'MB' WHERE project_id = 'LATE'",         // back to the site, moved
            "DELETE FROM invoices WHERE invoice_id = 'LATE-1'",
            NewInvoice,                                                                                            // a new key placed as inserted
            "UPDATE invoices SET payer_id = 'PQ' WHERE invoice_id = 'LATE-1'",
        ];
        foreach (var sql in statements)
        {
            await using var scope = await TenantScope.BeginAsync(postgres.DataSource, tenant, CancellationToken.None);
            await scope.Connection.ExecuteAsync(sql, new { tenant }, scope.Transaction);
            await scope.CommitAsync(CancellationToken.None);
            drift.Add(await DriftAsync(tenant));
            places.Add(await PlaceAsync(tenant, "LATE"));
        }
        await using (var scope = await TenantScope.BeginAsync(postgres.DataSource, tenant, CancellationToken.None))
        {
            await scope.Connection.ExecuteAsync("DELETE FROM invoices WHERE invoice_id = 'LATE-1'", transaction: scope.Transaction);
            await scope.Connection.ExecuteAsync(NewInvoice, new { tenant }, scope.Transaction);
            await scope.Connection.ExecuteAsync("DELETE FROM projects WHERE project_id = 'LATE'", transaction: scope.Transaction);
            await scope.CommitAsync(CancellationToken.None);
        }

        // Assert
        Assert.All(drift, Assert.Empty);
        Assert.Equal(["none", "QC", "ON", "NB", "MB", "", "MB", "MB"], places);
        Assert.Empty(await DriftAsync(tenant));
        Assert.Equal("none", await PlaceAsync(tenant, "LATE"));
    }
}
