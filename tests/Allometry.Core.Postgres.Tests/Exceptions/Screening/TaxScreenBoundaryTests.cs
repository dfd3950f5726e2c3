namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Exceptions.Screening;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Core.Rules;
using Allometry.Testing;
using Dapper;

/// <summary>
/// <see cref="TaxScreen"/> at the boundaries its write-time facts (migration 0023) decide: the
/// day a payment is received against Nova Scotia's change, an invoice due on the change day, a
/// void invoice, an invoice without a project, a service project placed by its payer's province;
/// before and after the facts are written by direct statements. Exact: it names the invoices the
/// rules report and no other.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TaxScreenBoundaryTests(PostgresFixture postgres)
{
    private static readonly DateOnly Change = new(2025, 4, 1);

    private readonly ScreenHarness _harness = new(postgres);
    private readonly LedgerImporter _importer = new(postgres.DataSource);

    private static LedgerBatchBuilder Build()
    {
        var b = new LedgerBatchBuilder { AsOf = TaxLedger.AsOf, SellerPstRegistrations = [] };
        b.Payers.Add(new Payer { PayerId = "PQ", Name = "Payeur Québec", Province = Province.QC });
        b.Payers.Add(new Payer { PayerId = "PO", Name = "Ontario Payer", Province = Province.ON });

        // Due after the change, taxed at 14 %: a payment received the day before moves the tax
        // date before it (15 % expected), one received on the change day does not.
        TaxLedger.Project(b, "NS-PAID", Province.NS, SupplyType.Goods);
        TaxLedger.Add(b, TaxLedger.Taxed("PAID-0331", "PQ", "NS-PAID", 1_000m, Province.NS, new DateOnly(2025, 4, 15)));
        TaxLedger.Pay(b, "PAY-0331", "PQ", new DateOnly(2025, 3, 31), "PAID-0331", 100m);
        TaxLedger.Add(b, TaxLedger.Taxed("PAID-0401", "PQ", "NS-PAID", 1_000m, Province.NS, new DateOnly(2025, 4, 15)));
        TaxLedger.Pay(b, "PAY-0401", "PQ", Change, "PAID-0401", 100m);

        // Due on the change day: 14 % is right, 15 % is stale.
        TaxLedger.Project(b, "NS-DUE", Province.NS, SupplyType.Goods);
        TaxLedger.Add(b, TaxLedger.Taxed("DUE-14", "PQ", "NS-DUE", 1_000m, Province.NS, Change));
        TaxLedger.Add(b, TaxLedger.Taxed("DUE-15", "PQ", "NS-DUE", 1_000m, Province.NS, Change.AddDays(-1)) with { DueDate = Change });

        // Void: taxed as Ontario on a Québec site, not reviewed.
        TaxLedger.Project(b, "QC-SITE", Province.QC, SupplyType.Goods);
        TaxLedger.Add(b, TaxLedger.Taxed("VOID-ON", "PQ", "QC-SITE", 1_000m, Province.ON) with { Status = InvoiceStatus.Void });
        TaxLedger.Add(b, TaxLedger.Taxed("QC-OK", "PQ", "QC-SITE", 1_000m, Province.QC));

        // Without a project: the printed province places it.
        TaxLedger.Add(b, TaxLedger.Taxed("X-OK", "PO", null, 800m, Province.ON) with { TaxProvince = Province.ON });
        TaxLedger.Add(b, TaxLedger.Taxed("X-BAD", "PO", null, 800m, Province.QC) with { TaxProvince = Province.ON });

        // A service on a Québec site billed to an Ontario payer is supplied in Ontario.
        TaxLedger.Project(b, "SVC", Province.QC, SupplyType.Service);
        TaxLedger.Add(b, TaxLedger.Taxed("SVC-ON", "PO", "SVC", 2_000m, Province.ON));
        TaxLedger.Add(b, TaxLedger.Taxed("SVC-QC", "PO", "SVC", 2_000m, Province.QC));
        return b;
    }

    private async Task<string> ImportAsync()
    {
        var tenant = "bnd-" + Guid.NewGuid().ToString("N")[..8];
        await _importer.ImportAsync(tenant, Build().Build(), CancellationToken.None);
        return tenant;
    }

    private async Task ExecuteAsync(string tenant, string sql)
    {
        await using var scope = await TenantScope.BeginAsync(postgres.DataSource, tenant, CancellationToken.None);
        await scope.Connection.ExecuteAsync(sql, new { tenant }, scope.Transaction);
        await scope.CommitAsync(CancellationToken.None);
    }

    private Task<ScreenRun> RunAsync(string tenant) => _harness.RunAsync(tenant, new TaxScreen(), new RuleSettings(), TaxLedger.AsOf);

    private static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];

    [Fact]
    public async Task RunAsync_Boundaries_NamesExactlyTheReportedInvoices()
    {
        // Arrange
        var tenant = await ImportAsync();

        // Act
        var run = await RunAsync(tenant);

        // Assert: the rules report what the ledger plants, and the screen names those alone
        List<string> wrong = ["DUE-15", "PAID-0331", "SVC-QC", "X-BAD"];
        Assert.Equal(wrong, Sorted(run.Findings.Select(f => f.Subject.Id)));
        Assert.Contains(run.Findings, f => f is { RuleId: "StaleNsRate", Subject.Id: "DUE-15" });
        Assert.Empty(run.Missed);
        Assert.Empty(run.Result.ProjectIds);
        Assert.Equal(wrong, Sorted(run.Result.InvoiceIds));
    }

    [Fact]
    public async Task RunAsync_AfterDirectWrites_FollowsTheMovedPaymentsAndPlaces()
    {
        // Arrange
        var tenant = await ImportAsync();

        // Act: PAID-0331's payment moves to the change day; PAID-0401 gets a payment of the day
        // before; the Ontario payer moves to Québec (the service invoices swap verdicts); DUE-14
        // is voided and the stale DUE-15 leaves its project
        await ExecuteAsync(tenant, "UPDATE payments SET received_on = '2025-04-01' WHERE payment_id = 'PAY-0331'");
        await ExecuteAsync(tenant, "INSERT INTO payments (tenant_id, payment_id, payer_id, received_on, amount, import_id, as_of) VALUES (@tenant, 'PAY-EARLY', 'PQ', '2025-03-31', 10, 0, '2026-11-20')");
        await ExecuteAsync(tenant, "INSERT INTO payment_applications (tenant_id, payment_id, invoice_id, amount, import_id, as_of) VALUES (@tenant, 'PAY-EARLY', 'PAID-0401', 10, 0, '2026-11-20')");
        await ExecuteAsync(tenant, "UPDATE payers SET province = 'QC' WHERE payer_id = 'PO'");
        await ExecuteAsync(tenant, "UPDATE invoices SET status = 'void' WHERE invoice_id = 'DUE-14'");
        await ExecuteAsync(tenant, "UPDATE invoices SET project_id = NULL, tax_province = 'NS' WHERE invoice_id = 'DUE-15'");
        var run = await RunAsync(tenant);

        // Assert: X-BAD is printed Ontario, whatever its payer's province
        List<string> wrong = ["DUE-15", "PAID-0401", "SVC-ON", "X-BAD"];
        Assert.Equal(wrong, Sorted(run.Findings.Select(f => f.Subject.Id)));
        Assert.Empty(run.Missed);
        Assert.Equal(wrong, Sorted(run.Result.InvoiceIds));
    }
}
