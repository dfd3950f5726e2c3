namespace Allometry.Core.Postgres.Tests.Exceptions.Screening;

using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Imports;
using Allometry.Core.Postgres.Tenancy;
using Allometry.Core.Postgres.Tests.Imports;
using Allometry.Core.Sample;
using Allometry.Testing;
using Dapper;
using NpgsqlTypes;

/// <summary>
/// <c>project_totals</c> (0019, written faster by 0024) stays what its definition says, recomputed
/// here from scratch row by row, after a first import (the set-based rebuild), a re-import and every
/// kind of direct write (the statement and row triggers).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProjectTotalsTests(PostgresFixture postgres)
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);
    private static readonly DateOnly Accepted = new(2026, 6, 1);

    // Each fact as 0019 defines it, by correlated sub-selects (nothing shared with the migration's
    // set-based SQL). A kept row no definition names any more (its project gone, its invoices moved)
    // may stay as long as it holds nothing.
    private const string Drift = """
        WITH k AS (
            SELECT project_id FROM projects WHERE tenant_id = @tenant
            UNION SELECT project_id FROM invoices WHERE tenant_id = @tenant AND project_id IS NOT NULL
        ), expected AS (
            SELECT k.project_id,
                   coalesce((SELECT sum(i.subtotal + i.retainage_held) FROM invoices i WHERE i.tenant_id = @tenant AND i.project_id = k.project_id AND i.status <> 'void' AND i.kind <> 'retainage_release'), 0) AS invoiced,
                   (SELECT count(*) FROM invoices i WHERE i.tenant_id = @tenant AND i.project_id = k.project_id AND i.status <> 'void' AND i.kind <> 'retainage_release') AS counted,
                   (SELECT count(*) FROM invoices i WHERE i.tenant_id = @tenant AND i.project_id = k.project_id AND i.status <> 'void' AND i.kind = 'final') AS finals,
                   (SELECT count(*) FROM invoices i WHERE i.tenant_id = @tenant AND i.project_id = k.project_id AND i.status <> 'void' AND i.kind = 'deposit') AS deposits,
                   coalesce((SELECT sum(a.amount) FROM payment_applications a JOIN invoices i ON i.tenant_id = a.tenant_id AND i.invoice_id = a.invoice_id
                             WHERE a.tenant_id = @tenant AND i.project_id = k.project_id AND i.kind = 'deposit' AND i.status <> 'void'), 0) AS deposit_paid,
                   (SELECT count(*) FROM payment_applications a JOIN invoices i ON i.tenant_id = a.tenant_id AND i.invoice_id = a.invoice_id
                    JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
                    WHERE a.tenant_id = @tenant AND i.project_id = k.project_id AND p.payer_id <> i.payer_id) AS foreign_applications,
                   coalesce(pr.status = 'closed', false) AS closed, pr.completed_on,
                   coalesce((SELECT sum(q.total_ex_tax) FROM quotes q WHERE q.tenant_id = @tenant AND q.project_id = k.project_id
                             AND (q.status = 'accepted' OR (q.status IS NULL AND q.accepted_on IS NOT NULL))), 0) AS quoted,
                   coalesce((SELECT sum(round(q.total_ex_tax * coalesce(q.deposit_pct, pr.deposit_pct) / 100, 2)) FROM quotes q
                             WHERE q.tenant_id = @tenant AND q.project_id = k.project_id AND coalesce(q.deposit_pct, pr.deposit_pct) > 0
                             AND (q.status = 'accepted' OR (q.status IS NULL AND q.accepted_on IS NOT NULL))), 0) AS deposit_required,
                   (SELECT min(q.accepted_on) FROM quotes q WHERE q.tenant_id = @tenant AND q.project_id = k.project_id AND coalesce(q.deposit_pct, pr.deposit_pct) > 0
                    AND (q.status = 'accepted' OR (q.status IS NULL AND q.accepted_on IS NOT NULL))) AS first_deposit_quote_on
            FROM k LEFT JOIN projects pr ON pr.tenant_id = @tenant AND pr.project_id = k.project_id
        ), kept AS (
            SELECT * FROM project_totals WHERE tenant_id = @tenant
        )
        SELECT coalesce(e.project_id, t.project_id) || ': kept ' || row(t.invoiced, t.counted, t.finals, t.deposits, t.deposit_paid, t.foreign_applications, t.closed, t.completed_on, t.quoted, t.deposit_required, t.first_deposit_quote_on)::text
               || ' <> ' || row(e.invoiced, e.counted, e.finals, e.deposits, e.deposit_paid, e.foreign_applications, e.closed, e.completed_on, e.quoted, e.deposit_required, e.first_deposit_quote_on)::text
        FROM expected e FULL JOIN kept t ON t.project_id = e.project_id
        WHERE (e.invoiced, e.counted, e.finals, e.deposits, e.deposit_paid, e.foreign_applications, e.closed, e.completed_on, e.quoted, e.deposit_required, e.first_deposit_quote_on)
              IS DISTINCT FROM (t.invoiced, t.counted, t.finals, t.deposits, t.deposit_paid, t.foreign_applications, t.closed, t.completed_on, t.quoted, t.deposit_required, t.first_deposit_quote_on)
          AND NOT (e.project_id IS NULL AND t.invoiced = 0 AND t.counted = 0 AND t.finals = 0 AND t.deposits = 0 AND t.deposit_paid = 0
                   AND t.foreign_applications = 0 AND NOT t.closed AND t.completed_on IS NULL AND t.quoted = 0 AND t.deposit_required = 0
                   AND t.first_deposit_quote_on IS NULL)
        ORDER BY 1
        """;

    private readonly LedgerImporter _importer = new(postgres.DataSource);

    private static string NewTenant() => "totals-" + Guid.NewGuid().ToString("N")[..8];

    // Two payers; DEP holds a deposit invoice paid by its own payer and a progress invoice paid
    // partly by the other payer (a third-party application); GROW has quotes with and without a
    // deposit percentage of their own.
    private static LedgerBatchBuilder Ledger(bool later)
    {
        var b = ScreenLedger.New(AsOf).Payer("P2", "Gestion Beaulieu");
        b.Projects.Add(ScreenLedger.Project("DEP") with { DepositPct = 20m, Status = later ? ProjectStatus.Closed : ProjectStatus.Active });
        b.Projects.Add(ScreenLedger.Project("GROW"));
        b.Quotes.Add(ScreenLedger.Accepted("Q-DEP", "DEP", 10_000m, Accepted));
        b.Quotes.Add(ScreenLedger.Accepted("Q-GROW-1", "GROW", 5_000m, Accepted, 10m));
        b.Quotes.Add(ScreenLedger.Accepted("Q-GROW-2", "GROW", later ? 7_500m : 2_500m, Accepted.AddDays(3)));
        b.Invoices.Add(ScreenLedger.Paid("DEP-1", "DEP", InvoiceKind.Deposit, 2_000m, Accepted.AddDays(1)));
        b.Invoices.Add(ScreenLedger.Paid("PRG-1", "DEP", InvoiceKind.Progress, 6_000m, Accepted.AddDays(10)) with { RetainageHeld = 600m });
        b.Invoices.Add(ScreenLedger.Paid("FIN-1", "GROW", later ? InvoiceKind.Final : InvoiceKind.Progress, 4_000m, Accepted.AddDays(20)));
        b.Payments.Add(new Payment { PaymentId = "PAY-DEP", PayerId = ScreenLedger.Payer, ReceivedOn = Accepted.AddDays(2), Amount = 2_000m });
        b.Payments.Add(new Payment { PaymentId = "PAY-3RD", PayerId = later ? ScreenLedger.Payer : "P2", ReceivedOn = Accepted.AddDays(12), Amount = 6_000m });
        b.Payments.Add(new Payment { PaymentId = "PAY-FIN", PayerId = "P2", ReceivedOn = Accepted.AddDays(25), Amount = 4_000m });
        b.Application("PAY-DEP", "DEP-1", later ? 1_500m : 2_000m).Application("PAY-3RD", "PRG-1", 6_000m).Application("PAY-FIN", "FIN-1", 4_000m);
        return b;
    }

    private async Task<List<string>> DriftAsync(string tenant)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>(Drift, new { tenant })];
    }

    private async Task<(decimal DepositPaid, long Foreign)> FactsAsync(string tenant, string project)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(decimal, long)>(
            "SELECT deposit_paid, foreign_applications FROM project_totals WHERE tenant_id = @tenant AND project_id = @project", new { tenant, project });
    }

    [Fact]
    public async Task ProjectTotals_FirstImportOfTheSample_EqualsTheDefinition()
    {
        // Arrange
        var tenant = NewTenant();

        // Act
        await _importer.ImportAsync(tenant, SampleOperatorGenerator.Generate().ToBatch(), CancellationToken.None);

        // Assert
        Assert.Empty(await DriftAsync(tenant));
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        Assert.True(await connection.QuerySingleAsync<long>("SELECT sum(counted) FROM project_totals WHERE tenant_id = @tenant", new { tenant }) > 0);
    }

    [Fact]
    public async Task ProjectTotals_FirstImportThenReimport_FollowsEveryChange()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, Ledger(later: false).Build(), CancellationToken.None);
        var first = (Drift: await DriftAsync(tenant), Dep: await FactsAsync(tenant, "DEP"), Grow: await FactsAsync(tenant, "GROW"));

        // Act: the deposit's application shrinks, the third-party payment becomes the bill-to's own
        // (a payment changing payer), a quote grows, a progress invoice becomes the final, DEP closes
        await _importer.ImportAsync(tenant, Ledger(later: true).Build(), CancellationToken.None);

        // Assert
        Assert.Empty(first.Drift);
        Assert.Equal((2_000m, 1L), first.Dep);
        Assert.Equal((0m, 1L), first.Grow);
        Assert.Empty(await DriftAsync(tenant));
        Assert.Equal((1_500m, 0L), await FactsAsync(tenant, "DEP"));
        Assert.Equal((0m, 1L), await FactsAsync(tenant, "GROW"));
    }

    [Fact]
    public async Task ProjectTotals_ProjectsImportedBeforeTheFirstInvoices_EqualsTheDefinition()
    {
        // Arrange: a first import without invoices (projects and quotes merged, their triggers
        // run), then the first invoices (a new partition: the projects merged with them wait for
        // the rebuild at ATTACH)
        var tenant = NewTenant();
        var projectsOnly = Ledger(later: false);
        projectsOnly.Invoices.Clear();
        projectsOnly.Payments.Clear();
        projectsOnly.PaymentApplications.Clear();
        await _importer.ImportAsync(tenant, projectsOnly.Build(), CancellationToken.None);
        var before = await DriftAsync(tenant);

        // Act
        await _importer.ImportAsync(tenant, Ledger(later: true).Build(), CancellationToken.None);

        // Assert
        Assert.Empty(before);
        Assert.Empty(await DriftAsync(tenant));
        Assert.Equal((1_500m, 0L), await FactsAsync(tenant, "DEP"));
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        Assert.Equal(10_000m, await connection.QuerySingleAsync<decimal>(
            "SELECT quoted FROM project_totals WHERE tenant_id = @tenant AND project_id = 'DEP'", new { tenant }));
    }

    [Fact]
    public async Task ProjectTotals_DirectWritesAsTheAppRole_FollowEveryStatement()
    {
        // Arrange
        var tenant = NewTenant();
        await _importer.ImportAsync(tenant, Ledger(later: false).Build(), CancellationToken.None);
        string[] statements =
        [
            "UPDATE payments SET payer_id = 'P2' WHERE payment_id = 'PAY-DEP'",
            "UPDATE payments SET payer_id = 'P1', amount = amount WHERE payment_id IN ('PAY-DEP', 'PAY-FIN')",
            "UPDATE payments SET reference = 'R-1' WHERE payment_id = 'PAY-3RD'",
            "UPDATE payment_applications SET amount = amount - 500 WHERE invoice_id = 'DEP-1'",
            "DELETE FROM payment_applications WHERE payment_id IN ('PAY-DEP', 'PAY-3RD')",
            "INSERT INTO payment_applications (tenant_id, payment_id, invoice_id, amount, import_id, as_of) VALUES (@tenant, 'PAY-3RD', 'DEP-1', 1000, 0, '2026-11-20'), (@tenant, 'PAY-3RD', 'PRG-1', 5000, 0, '2026-11-20')",
            "UPDATE invoices SET kind = 'deposit' WHERE invoice_id = 'FIN-1'",
            "UPDATE invoices SET project_id = 'GROW', payer_id = 'P2' WHERE invoice_id = 'PRG-1'",
            "UPDATE invoices SET status = 'void' WHERE invoice_id = 'DEP-1'",
            "UPDATE quotes SET deposit_pct = NULL, accepted_on = '2026-05-01' WHERE quote_id = 'Q-GROW-1'",
            "UPDATE projects SET deposit_pct = 15, completed_on = '2026-10-01' WHERE project_id = 'GROW'",
            "DELETE FROM quotes WHERE quote_id = 'Q-DEP'",
        ];
        var drift = new List<string>();

        // Act: each statement inside the tenant's scope (allometry_app, under row-level security)
        foreach (var sql in statements)
        {
            await using (var scope = await TenantScope.BeginAsync(postgres.DataSource, tenant, CancellationToken.None))
            {
                await scope.Connection.ExecuteAsync(sql, new { tenant }, scope.Transaction);
                await scope.CommitAsync(CancellationToken.None);
            }
            drift.AddRange((await DriftAsync(tenant)).Select(d => sql + " => " + d));
        }

        // Assert
        // DEP: its deposit voided, PAY-3RD's application to it still a third party's; GROW: FIN-1
        // turned deposit with PAY-FIN's 4 000 $, PRG-1 moved in with its payer's own payment.
        Assert.Empty(drift);
        Assert.Equal((0m, 1L), await FactsAsync(tenant, "DEP"));
        Assert.Equal((4_000m, 0L), await FactsAsync(tenant, "GROW"));
    }

    [Fact]
    public async Task ProjectTotals_BinaryCopyOfApplications_CountsEveryRow()
    {
        // Arrange: the ledger without its applications
        var tenant = NewTenant();
        var b = Ledger(later: false);
        b.PaymentApplications.Clear();
        await _importer.ImportAsync(tenant, b.Build(), CancellationToken.None);
        var before = (await FactsAsync(tenant, "DEP"), await FactsAsync(tenant, "GROW"));

        // Act
        await using (var connection = await postgres.DataSource.OpenConnectionAsync())
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY payment_applications (tenant_id, payment_id, invoice_id, amount, import_id, as_of) FROM STDIN (FORMAT BINARY)");
            foreach (var (payment, invoice, amount) in new[] { ("PAY-DEP", "DEP-1", 1_200m), ("PAY-3RD", "PRG-1", 6_000m), ("PAY-3RD", "DEP-1", 300m), ("PAY-FIN", "FIN-1", 4_000m) })
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(tenant, NpgsqlDbType.Text);
                await copy.WriteAsync(payment, NpgsqlDbType.Text);
                await copy.WriteAsync(invoice, NpgsqlDbType.Text);
                await copy.WriteAsync(amount, NpgsqlDbType.Numeric);
                await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(AsOf, NpgsqlDbType.Date);
            }
            await copy.CompleteAsync();
        }

        // Assert
        Assert.Equal(((0m, 0L), (0m, 0L)), before);
        Assert.Equal((1_500m, 2L), await FactsAsync(tenant, "DEP"));
        Assert.Equal((0m, 1L), await FactsAsync(tenant, "GROW"));
        Assert.Empty(await DriftAsync(tenant));
    }
}
