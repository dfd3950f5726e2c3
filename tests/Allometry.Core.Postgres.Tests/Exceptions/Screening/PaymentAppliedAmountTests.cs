namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;
using NpgsqlTypes;

/// <summary><c>payments.applied_amount</c> stays the sum of the payment's applications, whatever writes them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PaymentAppliedAmountTests(PostgresFixture postgres)
{
    private const string Drift = """
        SELECT p.payment_id || ': ' || p.applied_amount || ' <> ' || coalesce(a.applied, 0)
        FROM payments p
        LEFT JOIN (SELECT payment_id, sum(amount) AS applied FROM payment_applications WHERE tenant_id = @tenant GROUP BY payment_id) a
               ON a.payment_id = p.payment_id
        WHERE p.tenant_id = @tenant AND p.applied_amount <> coalesce(a.applied, 0)
        """;

    private readonly LedgerImporter _importer = new(postgres.DataSource);

    private static string NewTenant() => "app-" + Guid.NewGuid().ToString("N")[..8];

    // One payer, two invoices of 1 000 $, PAY-1 (1 500 $) applied 1 000 + 500, PAY-2 (500 $) not applied.
    private static LedgerBatchBuilder Small(decimal secondApplication = 500m)
    {
        var b = new LedgerBatchBuilder { AsOf = new DateOnly(2026, 11, 20) }
            .Payer("P1").Project("PA", "P1")
            .Invoice("I-1", "P1", 1_000m, "PA", 0m).Invoice("I-2", "P1", 1_000m, "PA", 1_000m - secondApplication)
            .Payment("PAY-1", "P1", 1_500m).Payment("PAY-2", "P1", 500m)
            .Application("PAY-1", "I-1", 1_000m).Application("PAY-1", "I-2", secondApplication);
        return b;
    }

    private async Task<List<string>> DriftAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>(Drift, new { tenant })];
    }

    private async Task<decimal> AppliedAsync(string tenant, string paymentId)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<decimal>(
            "SELECT applied_amount FROM payments WHERE tenant_id = @tenant AND payment_id = @paymentId", new { tenant, paymentId });
    }

    [Fact]
    public async Task AppliedAmount_ImportedSample_EqualsTheSumOfEveryPaymentsApplications()
    {
        // Arrange
        var tenant = NewTenant();

        // Act
        await _importer.ImportAsync(tenant, SampleOperatorGenerator.Generate().ToBatch(), CancellationToken.None);

        // Assert
        Assert.Empty(await DriftAsync(tenant));
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        Assert.True(await connection.QuerySingleAsync<long>("SELECT count(*) FROM payments WHERE tenant_id = @tenant AND applied_amount <> 0", new { tenant }) > 0);
    }

    [Fact]
    public async Task AppliedAmount_FirstImport_WrittenWithThePaymentsThenTheTriggersFollowAgain()
    {
        // Arrange: a first import writes the payments with their applied amounts and its
        // applications fire no trigger (0025); the next statement, in a new transaction, must.
        var tenant = NewTenant();

        // Act
        var result = await _importer.ImportAsync(tenant, Small().Build(), CancellationToken.None);
        var afterImport = (await AppliedAsync(tenant, "PAY-1"), await AppliedAsync(tenant, "PAY-2"));
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO payment_applications (tenant_id, payment_id, invoice_id, amount, import_id, as_of) VALUES (@tenant, 'PAY-2', 'I-2', 250, 0, '2026-11-20')",
                new { tenant });
        }

        // Assert
        Assert.Equal((1_500m, 0m), afterImport);
        Assert.Equal(250m, await AppliedAsync(tenant, "PAY-2"));
        Assert.Equal(new SheetImportCounts("payments", 2, 2, 0), Assert.Single(result.Sheets, s => s.Sheet == "payments"));
        Assert.Empty(await DriftAsync(tenant));
    }

    [Fact]
    public async Task AppliedAmount_FirstInvoicesOfATenantWithStoredPayments_CountedByTheTriggers()
    {
        // Arrange: payments written before the tenant's first import (not through it): that
        // import creates the invoice partition but cannot write the payments' applied amounts
        // with them, so its applications go through the triggers.
        var tenant = NewTenant();
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO tenants (tenant_id, name) VALUES (@tenant, 'Stored payments');
                INSERT INTO payers (tenant_id, payer_id, name, import_id, as_of) VALUES (@tenant, 'P1', 'P1', 0, '2026-11-20');
                INSERT INTO payments (tenant_id, payment_id, payer_id, received_on, amount, import_id, as_of)
                VALUES (@tenant, 'PAY-1', 'P1', '2026-10-01', 1500, 0, '2026-11-20'), (@tenant, 'PAY-3', 'P1', '2026-10-02', 75, 0, '2026-11-20');
                """, new { tenant });
        }

        // Act
        await _importer.ImportAsync(tenant, Small().Build(), CancellationToken.None);

        // Assert
        Assert.Equal(1_500m, await AppliedAsync(tenant, "PAY-1"));
        Assert.Equal(0m, await AppliedAsync(tenant, "PAY-3"));
        Assert.Empty(await DriftAsync(tenant));
    }

    [Fact]
    public async Task AppliedAmount_ReimportChangingAnApplication_FollowsIt()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, Small().Build(), CancellationToken.None);
        var reimport = Small(secondApplication: 200m).Application("PAY-2", "I-2", 300m);

        // Act
        await _importer.ImportAsync(tenant, reimport.Build(), CancellationToken.None);

        // Assert
        Assert.Equal(1_200m, await AppliedAsync(tenant, "PAY-1"));
        Assert.Equal(300m, await AppliedAsync(tenant, "PAY-2"));
        Assert.Empty(await DriftAsync(tenant));
    }

    [Fact]
    public async Task AppliedAmount_InsertUpdateMoveDeleteAsTheAppRole_FollowsTheApplications()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, Small().Build(), CancellationToken.None);
        var after = new List<(decimal Pay1, decimal Pay2)>();

        // Act: each statement inside the tenant's scope (allometry_app, under row-level security)
        string[] statements =
        [
            "INSERT INTO payment_applications (tenant_id, payment_id, invoice_id, amount, import_id, as_of) VALUES (@tenant, 'PAY-2', 'I-2', 250, 0, '2026-11-20')",
            "UPDATE payment_applications SET amount = amount + 100 WHERE payment_id IN ('PAY-1', 'PAY-2') AND invoice_id = 'I-2'",
            "UPDATE payment_applications SET payment_id = 'PAY-2' WHERE payment_id = 'PAY-1' AND invoice_id = 'I-1'",
            "DELETE FROM payment_applications WHERE payment_id = 'PAY-2' AND invoice_id = 'I-2'",
        ];
        foreach (var sql in statements)
        {
            await using var scope = await TenantScope.BeginAsync(postgres.DataSource, tenant, CancellationToken.None);
            await scope.Connection.ExecuteAsync(sql, new { tenant }, scope.Transaction);
            await scope.CommitAsync(CancellationToken.None);
            after.Add((await AppliedAsync(tenant, "PAY-1"), await AppliedAsync(tenant, "PAY-2")));
        }

        // Assert
        Assert.Equal([(1_500m, 250m), (1_600m, 350m), (600m, 1_350m), (600m, 1_000m)], after);
        Assert.Empty(await DriftAsync(tenant));
    }

    [Fact]
    public async Task AppliedAmount_BinaryCopyIntoApplications_CountsEveryRow()
    {
        // Arrange: the ledger without its applications
        var tenant = NewTenant();
        var b = Small();
        b.PaymentApplications.Clear();
        await _importer.ImportAsync(tenant, b.Build(), CancellationToken.None);

        // Act
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY payment_applications (tenant_id, payment_id, invoice_id, amount, import_id, as_of) FROM STDIN (FORMAT BINARY)");
            foreach (var (payment, invoice, amount) in new[] { ("PAY-1", "I-1", 1_000m), ("PAY-1", "I-2", 400m), ("PAY-2", "I-2", 450m) })
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(tenant, NpgsqlDbType.Text);
                await copy.WriteAsync(payment, NpgsqlDbType.Text);
                await copy.WriteAsync(invoice, NpgsqlDbType.Text);
                await copy.WriteAsync(amount, NpgsqlDbType.Numeric);
                await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(new DateOnly(2026, 11, 20), NpgsqlDbType.Date);
            }
            await copy.CompleteAsync();
        }

        // Assert
        Assert.Equal(1_400m, await AppliedAsync(tenant, "PAY-1"));
        Assert.Equal(450m, await AppliedAsync(tenant, "PAY-2"));
        Assert.Empty(await DriftAsync(tenant));
    }

    [Fact]
    public async Task PaymentsUnappliedIndex_PaymentWithARest_IsTheOnlyOneInIt()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, Small().Build(), CancellationToken.None);
        await using var connection = await postgres.DataSource.OpenConnectionAsync();

        // Act: the partial index's own predicate, and what it selects
        var definition = await connection.QuerySingleAsync<string>(
            "SELECT pg_get_indexdef('payments_unapplied_idx'::regclass)");
        var unapplied = (await connection.QueryAsync<string>(
            "SELECT payment_id FROM payments WHERE tenant_id = @tenant AND amount <> applied_amount ORDER BY payment_id", new { tenant })).ToList();

        // Assert
        Assert.EndsWith("WHERE (amount <> applied_amount)", definition, StringComparison.Ordinal);
        Assert.Equal(["PAY-2"], unapplied);
    }
}
