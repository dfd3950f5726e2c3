namespace Allometry.Core.Postgres.Tests.Imports;

using System.Text.Json;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Imports;
using Allometry.Testing;
using Dapper;

[Collection(PostgresCollection.Name)]
public sealed class LedgerImporterTests(PostgresFixture postgres)
{
    private readonly LedgerImporter _importer = new(postgres.DataSource);

    private static string NewTenant() => "tenant-" + Guid.NewGuid().ToString("N")[..8];

    private static LedgerBatchBuilder SmallLedger()
    {
        var b = new LedgerBatchBuilder()
            .Payer("P1", "Constructions Élan inc.").Payer("P2")
            .Project("PR1", "P1")
            .Payment("PAY1", "P1", 1000.01m)
            .Application("PAY1", "INV1", 1000.01m);
        b.Invoices.Add(new Invoice
        {
            InvoiceId = "INV1", PayerId = "P1", ProjectId = "PR1", Kind = InvoiceKind.Deposit,
            IssueDate = new DateOnly(2026, 1, 5), DueDate = new DateOnly(2026, 2, 4),
            Subtotal = 10_000.00m, Gst = 500.00m, Qst = 997.50m, Total = 11_497.50m, Balance = 10_497.49m,
            RetainageHeld = 0.01m, TaxProvince = Province.QC, RegistrationNumbers = "TPS 123 / TVQ 456",
            Status = InvoiceStatus.Open, Origin = InvoiceOrigin.Workbook,
        });
        b.Invoice("INV2", "P2", 0.07m);
        b.Retainage.Add(new RetainageHold { ProjectId = "PR1", HeldAmount = 1149.75m });
        b.Retainage.Add(new RetainageHold { ProjectId = "PR1", InvoiceId = "INV1", HeldAmount = 0.01m });
        b.Promises.Add(new PaymentPromise { PayerId = "P2", PromisedOn = new DateOnly(2026, 4, 1), PromisedAmount = 0.07m });
        b.BankTransactions.Add(new BankTransaction { PostedOn = new DateOnly(2026, 2, 1), Amount = 100m, Description = "DEPOT" });
        b.BankTransactions.Add(new BankTransaction { PostedOn = new DateOnly(2026, 2, 1), Amount = 100m, Description = "DEPOT" });
        return b;
    }

    [Fact]
    public async Task ImportAsync_SmallBatch_StoresEveryValueToTheCent()
    {
        // Arrange
        var tenant = NewTenant();

        // Act
        var result = await _importer.ImportAsync(tenant, SmallLedger().Build(), CancellationToken.None);

        // Assert
        Assert.Equal(12, result.Inserted);
        Assert.Equal(0, result.Updated);
        Assert.Equal(64, result.ContentSha256.Length);
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var invoice = await connection.QuerySingleAsync<(string payer, string project, string kind, decimal subtotal, decimal gst, decimal qst, decimal total, decimal balance, decimal retainage, string province, string regs, string currency, string status, string origin, DateTime issue, int srcIndex, int srcRow, long importId)>(
            "SELECT payer_id, project_id, kind::text, subtotal, gst, qst, total, balance, retainage_held, tax_province::text, registration_numbers, currency::text, status::text, origin::text, issue_date::timestamp, src_index, src_row, import_id FROM invoices WHERE tenant_id = @tenant AND invoice_id = 'INV1'",
            new { tenant });
        Assert.Equal(("P1", "PR1", "deposit"), (invoice.payer, invoice.project, invoice.kind));
        Assert.Equal((10_000.00m, 500.00m, 997.50m, 11_497.50m, 10_497.49m, 0.01m), (invoice.subtotal, invoice.gst, invoice.qst, invoice.total, invoice.balance, invoice.retainage));
        Assert.Equal(("QC", "TPS 123 / TVQ 456", "CAD", "open", "workbook"), (invoice.province, invoice.regs, invoice.currency, invoice.status, invoice.origin));
        Assert.Equal(new DateTime(2026, 1, 5), invoice.issue);
        Assert.Equal((LedgerBatchBuilder.SheetIndex(LedgerSheets.Invoices), 2, result.ImportId), (invoice.srcIndex, invoice.srcRow, invoice.importId));
        Assert.Equal(0.07m, await connection.ExecuteScalarAsync<decimal>("SELECT total FROM invoices WHERE tenant_id = @tenant AND invoice_id = 'INV2'", new { tenant }));
        Assert.Equal(1000.01m, await connection.ExecuteScalarAsync<decimal>("SELECT amount FROM payment_applications WHERE tenant_id = @tenant", new { tenant }));
        var bankIds = (await connection.QueryAsync<string>("SELECT transaction_id FROM bank_transactions WHERE tenant_id = @tenant ORDER BY transaction_id", new { tenant })).ToList();
        Assert.Equal(2, bankIds.Distinct().Count());
        Assert.All(bankIds, id => Assert.StartsWith("auto:", id, StringComparison.Ordinal));
        var journal = await connection.QuerySingleAsync<(string counts, string sha, DateTime? finished)>(
            "SELECT counts::text, content_sha256, finished_at FROM imports WHERE import_id = @id", new { id = result.ImportId });
        Assert.NotNull(journal.finished);
        Assert.Equal(result.ContentSha256, journal.sha);
        using var counts = JsonDocument.Parse(journal.counts);
        Assert.Equal(2, counts.RootElement.GetProperty("invoices").GetProperty("inserted").GetInt64());
    }

    [Fact]
    public async Task ImportAsync_SameBatchTwice_ChangesNothingTheSecondTime()
    {
        // Arrange
        var tenant = NewTenant();
        var first = await _importer.ImportAsync(tenant, SmallLedger().Build(), CancellationToken.None);

        // Act
        var second = await _importer.ImportAsync(tenant, SmallLedger().Build(), CancellationToken.None);

        // Assert
        Assert.True(second.IsUnchanged);
        Assert.Equal(first.Read, second.Read);
        Assert.All(second.Sheets, s => Assert.Equal(s.Read, s.Unchanged));
        Assert.Equal(first.ContentSha256, second.ContentSha256);
        Assert.Equal(0, await LedgerProbe.HistoryCountAsync(postgres.DataSource, tenant));
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM invoices WHERE tenant_id = @tenant AND import_id <> @id", new { tenant, id = first.ImportId }));
    }

    [Fact]
    public async Task ImportAsync_ChangedRow_UpdatesItAndKeepsThePreviousVersionInHistory()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, SmallLedger().Build(), CancellationToken.None);
        var changed = SmallLedger();
        changed.Invoices[1] = changed.Invoices[1] with { Balance = 0.00m, Status = InvoiceStatus.Paid };
        changed.Invoice("INV3", "P2", 12.34m);

        // Act
        var result = await _importer.ImportAsync(tenant, changed.Build(), CancellationToken.None);

        // Assert
        var invoices = result.Sheets.Single(s => s.Sheet == LedgerSheets.Invoices);
        Assert.Equal((3L, 1L, 1L, 1L), (invoices.Read, invoices.Inserted, invoices.Updated, invoices.Unchanged));
        Assert.Equal(2, result.Inserted + result.Updated);
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        var history = (await connection.QueryAsync<(string entity, string key, long importId, string previous)>(
            "SELECT entity, entity_key, import_id, previous::text FROM ledger_history WHERE tenant_id = @tenant", new { tenant })).Single();
        Assert.Equal(("invoices", "INV2", result.ImportId), (history.entity, history.key, history.importId));
        using var previous = JsonDocument.Parse(history.previous);
        Assert.Equal(0.07m, previous.RootElement.GetProperty("balance").GetDecimal());
        Assert.Equal("open", previous.RootElement.GetProperty("status").GetString());
        var now = await connection.QuerySingleAsync<(decimal balance, string status, long importId)>(
            "SELECT balance, status::text, import_id FROM invoices WHERE tenant_id = @tenant AND invoice_id = 'INV2'", new { tenant });
        Assert.Equal((0.00m, "paid", result.ImportId), now);
    }

    [Fact]
    public async Task ImportAsync_RowsAbsentFromLaterImport_AreKept()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, SmallLedger().Build(), CancellationToken.None);
        var partial = new LedgerBatchBuilder().Invoice("INV9", "P1", 5m);

        // Act
        var result = await _importer.ImportAsync(tenant, partial.Build(), CancellationToken.None);

        // Assert
        Assert.Equal(1, result.Inserted);
        var counts = await LedgerProbe.CountsAsync(postgres.DataSource, tenant);
        Assert.Equal(3, counts["invoices"]);
        Assert.Equal(2, counts["payers"]);
    }

    [Fact]
    public async Task ImportAsync_FirstImportWithoutInvoicesThenWithInvoices_StoresThem()
    {
        // Arrange: the first import creates the tenant's (empty) partition, the second merges into it.
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, new LedgerBatchBuilder().Payer("P1").Build(), CancellationToken.None);

        // Act
        var result = await _importer.ImportAsync(tenant, new LedgerBatchBuilder().Invoice("INV9", "P1", 5m).Build(), CancellationToken.None);

        // Assert
        Assert.Equal(1, result.Inserted);
        var counts = await LedgerProbe.CountsAsync(postgres.DataSource, tenant);
        Assert.Equal(1, counts["invoices"]);
    }

    [Fact]
    public async Task ImportAsync_TwoTenantsWithTheSameIds_StayApart()
    {
        // Arrange
        var a = NewTenant();
        var b = NewTenant();
        await _importer.ImportAsync(a, SmallLedger().Build(), CancellationToken.None);
        var other = SmallLedger();
        other.Invoices[1] = other.Invoices[1] with { Total = 99.99m, Subtotal = 99.99m, Balance = 99.99m };

        // Act
        var result = await _importer.ImportAsync(b, other.Build(), CancellationToken.None);

        // Assert
        Assert.Equal(12, result.Inserted);
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        const string total = "SELECT total FROM invoices WHERE tenant_id = @tenant AND invoice_id = 'INV2'";
        Assert.Equal(0.07m, await connection.ExecuteScalarAsync<decimal>(total, new { tenant = a }));
        Assert.Equal(99.99m, await connection.ExecuteScalarAsync<decimal>(total, new { tenant = b }));
        Assert.Equal(0, await LedgerProbe.HistoryCountAsync(postgres.DataSource, a));
    }

    [Fact]
    public async Task ImportAsync_ReferencesToStoredRows_Resolve()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, SmallLedger().Build(), CancellationToken.None);
        var later = new LedgerBatchBuilder().Invoice("INV10", "P2", 50m, projectId: "PR1").Payment("PAY2", "P2", 50m).Application("PAY2", "INV10", 50m);

        // Act
        var result = await _importer.ImportAsync(tenant, later.Build(), CancellationToken.None);

        // Assert
        Assert.Equal(3, result.Inserted);
    }
}
