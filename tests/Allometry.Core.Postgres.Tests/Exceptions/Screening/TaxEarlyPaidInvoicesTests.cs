namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;

/// <summary>
/// <c>tax_early_paid_invoices</c> (migration 0023) stays equal to the invoices a payment received
/// before Nova Scotia's rate change was applied to (a nonzero application), with the side of the
/// change their due date falls on, whatever writes the invoices, payments or applications.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TaxEarlyPaidInvoicesTests(PostgresFixture postgres)
{
    // Both sides keyed alike; a row of either side without its twin, or with another side, is drift.
    private const string Drift = """
        WITH actual AS (
            SELECT invoice_id, due_after_change FROM tax_early_paid_invoices WHERE tenant_id = @tenant
        ), expected AS (
            SELECT i.invoice_id, i.due_date >= DATE '2025-04-01' AS due_after_change
            FROM invoices i
            WHERE i.tenant_id = @tenant AND EXISTS (
                SELECT 1 FROM payment_applications a
                JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
                WHERE a.tenant_id = @tenant AND a.invoice_id = i.invoice_id AND a.amount <> 0
                  AND p.received_on < DATE '2025-04-01')
        )
        SELECT coalesce(a.invoice_id, e.invoice_id) || ': ' || coalesce(a.due_after_change::text, 'none')
               || ' <> ' || coalesce(e.due_after_change::text, 'none')
        FROM actual a
        FULL JOIN expected e ON a.invoice_id = e.invoice_id
        WHERE a.due_after_change IS DISTINCT FROM e.due_after_change
        """;

    private readonly LedgerImporter _importer = new(postgres.DataSource);

    private static string NewTenant() => "early-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<List<string>> DriftAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>(Drift, new { tenant })];
    }

    // "id:side" of every row kept, in order.
    private async Task<string> KeptAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<string>(
            "SELECT invoice_id || ':' || CASE WHEN due_after_change THEN 'after' ELSE 'before' END FROM tax_early_paid_invoices WHERE tenant_id = @tenant ORDER BY invoice_id COLLATE \"C\"",
            new { tenant });
        return string.Join(' ', rows);
    }

    [Fact]
    public async Task EarlyPaid_FirstImportOfTheBoundaryLedger_HoldsTheNonzeroEarlyApplications()
    {
        // Arrange
        var tenant = NewTenant();

        // Act
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);

        // Assert: NS-F's early application is zero (it moves no tax date)
        Assert.Empty(await DriftAsync(tenant));
        Assert.Equal("NS-D:after NS-E:after X-NS-EARLY:after", await KeptAsync(tenant));
    }

    [Fact]
    public async Task EarlyPaid_FirstImportOfTheSample_EqualsTheApplications()
    {
        // Arrange: the sample's earliest ledger still holds payments received before the change
        var tenant = NewTenant();
        var batch = SampleOperatorGenerator.Generate(asOf: new DateOnly(2026, 1, 1)).ToBatch();

        // Act
        await _importer.ImportAsync(tenant, batch, CancellationToken.None);

        // Assert
        Assert.Empty(await DriftAsync(tenant));
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        Assert.True(await connection.QuerySingleAsync<long>(
            "SELECT count(*) FROM tax_early_paid_invoices WHERE tenant_id = @tenant", new { tenant }) > 0);
    }

    [Fact]
    public async Task EarlyPaid_ReimportMovingPaymentsAndApplications_FollowsThem()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);
        var b = TaxLedger.Build();
        var at = b.Payments.FindIndex(p => p.PaymentId == "PAY-D");
        b.Payments[at] = b.Payments[at] with { ReceivedOn = new DateOnly(2025, 4, 1) };                   // on the change day: out
        at = b.PaymentApplications.FindIndex(a => a.PaymentId == "PAY-F");
        b.PaymentApplications[at] = b.PaymentApplications[at] with { Amount = 1m };                               // nonzero: in
        TaxLedger.Pay(b, "PAY-B", "PQ", new DateOnly(2025, 3, 31), "NS-B", 20m);                           // the day before: in

        // Act
        await _importer.ImportAsync(tenant, b.Build(), CancellationToken.None);

        // Assert
        Assert.Empty(await DriftAsync(tenant));
        Assert.Equal("NS-B:after NS-E:after NS-F:after X-NS-EARLY:after", await KeptAsync(tenant));
    }

    [Fact]
    public async Task EarlyPaid_DirectWritesAsTheAppRole_FollowEveryStatement()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);
        var drift = new List<List<string>>();
        var kept = new List<string>();

        // Act: each statement inside the tenant's scope (allometry_app, under row-level security)
        string[] statements =
        [
            "INSERT INTO payments (tenant_id, payment_id, payer_id, received_on, amount, import_id, as_of) VALUES "
                + "(@tenant, 'PAY-0331', 'PQ', '2025-03-31', 50, 0, '2026-11-20'), (@tenant, 'PAY-0401', 'PQ', '2025-04-01', 50, 0, '2026-11-20')",
            "INSERT INTO payment_applications (tenant_id, payment_id, invoice_id, amount, import_id, as_of) VALUES "
                + "(@tenant, 'PAY-0331', 'NS-B', 25, 0, '2026-11-20'), (@tenant, 'PAY-0401', 'NS-A', 25, 0, '2026-11-20')",
            "UPDATE payment_applications SET amount = 0 WHERE payment_id = 'PAY-E'",
            "UPDATE payment_applications SET amount = 5 WHERE payment_id = 'PAY-E'",
            "UPDATE payments SET received_on = '2025-04-01' WHERE payment_id = 'PAY-D'",
            "UPDATE payments SET received_on = '2025-03-31' WHERE payment_id = 'PAY-D'",
            "UPDATE invoices SET due_date = '2025-03-15' WHERE invoice_id = 'NS-D'",
            "UPDATE payment_applications SET payment_id = 'PAY-0401' WHERE payment_id = 'PAY-0331'",
            "UPDATE payment_applications SET payment_id = 'PAY-0331' WHERE payment_id = 'PAY-0401' AND invoice_id = 'NS-A'",
            "DELETE FROM payment_applications WHERE payment_id = 'PAY-E'",
            "UPDATE invoices SET status = 'void' WHERE invoice_id = 'X-NS-EARLY'",
        ];
        foreach (var sql in statements)
        {
            await using var scope = await TenantScope.BeginAsync(postgres.DataSource, tenant, CancellationToken.None);
            await scope.Connection.ExecuteAsync(sql, new { tenant }, scope.Transaction);
            await scope.CommitAsync(CancellationToken.None);
            drift.Add(await DriftAsync(tenant));
            kept.Add(await KeptAsync(tenant));
        }

        // Assert: the row follows the payment's day, the amount, the due date; a void invoice keeps
        // its row (the screen, not the fact, leaves unreviewable invoices out)
        Assert.All(drift, Assert.Empty);
        Assert.Equal(
            [
                "NS-D:after NS-E:after X-NS-EARLY:after",
                "NS-B:after NS-D:after NS-E:after X-NS-EARLY:after",
                "NS-B:after NS-D:after X-NS-EARLY:after",
                "NS-B:after NS-D:after NS-E:after X-NS-EARLY:after",
                "NS-B:after NS-E:after X-NS-EARLY:after",
                "NS-B:after NS-D:after NS-E:after X-NS-EARLY:after",
                "NS-B:after NS-D:before NS-E:after X-NS-EARLY:after",
                "NS-D:before NS-E:after X-NS-EARLY:after",
                "NS-A:before NS-D:before NS-E:after X-NS-EARLY:after",
                "NS-A:before NS-D:before X-NS-EARLY:after",
                "NS-A:before NS-D:before X-NS-EARLY:after",
            ],
            kept);
    }

    [Fact]
    public async Task EarlyPaid_AnotherTenantsScope_SeesNoRow()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, TaxLedger.Build().Build(), CancellationToken.None);

        // Act
        await using var scope = await TenantScope.BeginAsync(postgres.DataSource, NewTenant(), CancellationToken.None);
        var seen = await scope.Connection.QuerySingleAsync<long>(
            "SELECT count(*) FROM tax_early_paid_invoices WHERE tenant_id = @tenant", new { tenant }, scope.Transaction);

        // Assert
        Assert.Equal(0, seen);
        Assert.NotEmpty(await KeptAsync(tenant));
    }
}
