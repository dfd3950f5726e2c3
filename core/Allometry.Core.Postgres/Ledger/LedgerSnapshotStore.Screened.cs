namespace Allometry.Core.Postgres.Ledger;

using Allometry.Core.Ledger;
using Npgsql;

// What a whole-tenant evaluation reads when screens have named where rules can fire
// (Exceptions/Screening): a set of projects read whole, a set of invoices read with everything
// paid to them, and the payer-wide facts the payer- and group-level rules add up. The projects and
// invoices are kept in temporary tables for the batch, so every statement joins them instead of
// re-deriving them. Everything else of the ledger (a million paid-up invoices) is never read.
public sealed partial class LedgerSnapshotStore
{
    // The base scope (ScreenedLedgerLoader): projects a rule may report on whatever the screens
    // say. Every open invoice's project (collections, retainage and deposit rules about open
    // items); every project a live exception names (so a condition that cleared is closed by its
    // rule, with the rule's reason); the projects of promised invoices.
    private const string BaseProjectsSql = """
        SELECT project_id FROM invoices
        WHERE tenant_id = $1 AND balance <> 0 AND status <> 'void' AND project_id IS NOT NULL
        UNION
        SELECT project_id FROM exceptions WHERE tenant_id = $1 AND status <> 'closed' AND project_id IS NOT NULL
        UNION
        SELECT i.project_id FROM invoices i
        WHERE i.tenant_id = $1 AND i.project_id IS NOT NULL
          AND i.invoice_id IN (SELECT invoice_id FROM promises WHERE tenant_id = $1 AND invoice_id IS NOT NULL
                               UNION SELECT invoice_id FROM chat_promises WHERE tenant_id = $1 AND invoice_id IS NOT NULL
                               UNION SELECT subject_id FROM exceptions WHERE tenant_id = $1 AND status <> 'closed' AND subject_kind = 'invoice')
        """;

    // The same for invoices without a project: open ones, promised ones, and those a live exception names.
    private const string BaseInvoicesSql = """
        SELECT invoice_id FROM invoices
        WHERE tenant_id = $1 AND project_id IS NULL
          AND ((balance <> 0 AND status <> 'void')
               OR invoice_id IN (SELECT invoice_id FROM promises WHERE tenant_id = $1 AND invoice_id IS NOT NULL
                                 UNION SELECT invoice_id FROM chat_promises WHERE tenant_id = $1 AND invoice_id IS NOT NULL
                                 UNION SELECT subject_id FROM exceptions WHERE tenant_id = $1 AND status <> 'closed' AND subject_kind = 'invoice'))
        """;

    private const string ScopeProjectsSql = """
        CREATE TEMP TABLE screened_projects ON COMMIT DROP AS
        SELECT DISTINCT unnest($2::text[]) COLLATE "C" AS project_id
        """;

    // Invoices read whole: those of the projects and the named ones. Their payments come with them.
    private const string ScopeInvoicesSql = """
        CREATE TEMP TABLE screened_invoices ON COMMIT DROP AS
        SELECT invoice_id FROM invoices WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM screened_projects)
        UNION
        SELECT unnest($2::text[]) COLLATE "C"
        """;

    // A payment with an unapplied rest (alias p). TEMPORARY: summed here until 0018's applied_amount lands.
    private const string Unapplied = "p.amount <> (SELECT coalesce(sum(a.amount), 0) FROM payment_applications a WHERE a.tenant_id = p.tenant_id AND a.payment_id = p.payment_id)";

    // Payments read with every application they have (a payment's unapplied rest is read from
    // them): those paid to a scoped invoice; every payment with an unapplied rest (unapplied cash,
    // unapplied deposits); the whole history of payers with promises (BrokenPromise adds them up),
    // of payers a snoozed exception may be waiting on (SnoozeConditions, as the project slice
    // picks them), and of payers with an aging credit line (UnappliedCash asks whether they have
    // any payment at all); and the payments live exceptions name.
    private const string ScopePaymentsSql = $"""
        CREATE TEMP TABLE screened_payments ON COMMIT DROP AS
        SELECT payment_id FROM payment_applications
        WHERE tenant_id = $1 AND invoice_id IN (SELECT invoice_id FROM screened_invoices)
        UNION
        SELECT payment_id FROM payments p WHERE tenant_id = $1 AND {Unapplied}
        UNION
        SELECT payment_id FROM payments
        WHERE tenant_id = $1
          AND payer_id IN (SELECT payer_id FROM promises WHERE tenant_id = $1
                           UNION SELECT payer_id FROM chat_promises WHERE tenant_id = $1
                           UNION SELECT coalesce(e.rerouted_payer_id, e.payer_id, pr.current_payer_id, pr.contract_payer_id)
                                 FROM exceptions e
                                 LEFT JOIN projects pr ON pr.tenant_id = e.tenant_id AND pr.project_id = e.project_id
                                 WHERE e.tenant_id = $1 AND e.status = 'snoozed'
                           UNION SELECT payer_id FROM invoices
                                 WHERE tenant_id = $1 AND origin <> 'workbook' AND balance < 0 AND status <> 'void')
        UNION
        SELECT subject_id FROM exceptions WHERE tenant_id = $1 AND status <> 'closed' AND subject_kind = 'payment'
        """;

    private const string ScopedProjectRowsSql = $"""
        SELECT {ProjectsColumns} FROM projects
        WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM screened_projects) ORDER BY project_id
        """;

    private const string ScopedDeliveriesSql = $"""
        SELECT {DeliveriesColumns} FROM deliveries
        WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM screened_projects) ORDER BY project_id, milestone
        """;

    private const string ScopedQuotesSql = $"""
        SELECT {QuotesColumns} FROM quotes
        WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM screened_projects) ORDER BY quote_id
        """;

    private const string ScopedRetainageSql = $"""
        SELECT {RetainageColumns} FROM retainage_holds
        WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM screened_projects) ORDER BY project_id, invoice_id NULLS FIRST
        """;

    // A contract without a project stands alone (its renewal invoice is named on it): always read.
    private const string ScopedContractsSql = $"""
        SELECT {ContractsColumns} FROM service_contracts
        WHERE tenant_id = $1 AND (project_id IS NULL OR project_id IN (SELECT project_id FROM screened_projects)) ORDER BY contract_id
        """;

    // The scoped invoices; what the scoped rows name (holds, release invoices, renewal invoices,
    // promised invoices); every invoice a read payment pays (a third party's other invoices, a
    // payment's unapplied rest); the invoices an unapplied payment's reference names (the rule
    // keeps those of the payment's payer); every aging-export line (a line is compared with its
    // payer's other lines; 0014's partial index holds only those).
    private const string ScopedInvoicesSql = $"""
        SELECT {InvoicesColumns} FROM invoices
        WHERE tenant_id = $1
          AND invoice_id IN (
              SELECT invoice_id FROM screened_invoices
              UNION SELECT invoice_id FROM retainage_holds
                    WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM screened_projects) AND invoice_id IS NOT NULL
              UNION SELECT release_invoice_id FROM retainage_holds
                    WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM screened_projects) AND release_invoice_id IS NOT NULL
              UNION SELECT last_renewal_invoice_id FROM service_contracts
                    WHERE tenant_id = $1 AND (project_id IS NULL OR project_id IN (SELECT project_id FROM screened_projects))
                      AND last_renewal_invoice_id IS NOT NULL
              UNION SELECT invoice_id FROM promises WHERE tenant_id = $1 AND invoice_id IS NOT NULL
              UNION SELECT invoice_id FROM chat_promises WHERE tenant_id = $1 AND invoice_id IS NOT NULL
              UNION SELECT a.invoice_id FROM payment_applications a
                    WHERE a.tenant_id = $1 AND a.payment_id IN (SELECT payment_id FROM screened_payments)
              UNION SELECT regexp_split_to_table(p.reference, '[ ,;/:#()\t]+') FROM payments p
                    WHERE p.tenant_id = $1 AND {Unapplied} AND p.reference IS NOT NULL
              UNION SELECT invoice_id FROM invoices WHERE tenant_id = $1 AND origin <> 'workbook')
        ORDER BY invoice_id
        """;

    private const string ScopedPaymentsSql = $"""
        SELECT {PaymentsColumns} FROM payments
        WHERE tenant_id = $1 AND payment_id IN (SELECT payment_id FROM screened_payments) ORDER BY payment_id
        """;

    private const string ScopedApplicationsSql = $"""
        SELECT {ApplicationsColumns} FROM payment_applications
        WHERE tenant_id = $1 AND payment_id IN (SELECT payment_id FROM screened_payments) ORDER BY payment_id, invoice_id
        """;

    /// <summary>The projects and projectless invoices a full evaluation reads whatever the screens say.</summary>
    internal static async Task<(LedgerMeta Meta, HashSet<string> Present, List<string> Projects, List<string> Invoices)> ReadBaseScopeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in (string[])[MetaSql, PresentSql, BaseProjectsSql, BaseInvoicesSql])
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var meta = await ReadMetaAsync(reader, tenantId, ct).ConfigureAwait(false);
        var present = await ReadPresentAsync(reader, ct).ConfigureAwait(false);
        var projects = await ReadAsync(reader, r => r.GetString(0), ct).ConfigureAwait(false);
        var invoices = await ReadAsync(reader, r => r.GetString(0), ct).ConfigureAwait(false);
        return (meta, present, projects, invoices);
    }

    /// <summary>
    /// Reads the scope: <paramref name="projects"/> whole (as the project slice reads one),
    /// <paramref name="invoices"/> with their payments, and the payer-wide facts (every payer and
    /// link, every promise, open receivables, unapplied cash, aging lines).
    /// </summary>
    internal static async Task<LedgerSnapshot> ReadScopeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, LedgerMeta meta, IReadOnlySet<string> present,
        IReadOnlyCollection<string> projects, IReadOnlyCollection<string> invoices, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        void Add(string sql, params object[] parameters)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }
        Add(ScopeProjectsSql, tenantId, projects.ToArray());
        Add(ScopeInvoicesSql, tenantId, invoices.ToArray());
        Add(ScopePaymentsSql, tenantId);
        foreach (var sql in (string[])[ScopedProjectRowsSql, ScopedDeliveriesSql, ScopedQuotesSql, ScopedRetainageSql, ScopedContractsSql,
                     PayersSql, EntityLinksSql, PromisesSql, ScopedInvoicesSql, ScopedPaymentsSql, ScopedApplicationsSql])
        {
            Add(sql, tenantId);
        }
        var pool = new StringPool();
        // The three CREATE TEMP TABLE statements return no rows: the reader starts at the projects.
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var projectRows = await ReadAsync(reader, ReadProject, ct).ConfigureAwait(false);
        var deliveries = await ReadAsync(reader, ReadDelivery, ct).ConfigureAwait(false);
        var quotes = await ReadAsync(reader, ReadQuote, ct).ConfigureAwait(false);
        var retainage = await ReadAsync(reader, ReadHold, ct).ConfigureAwait(false);
        var contracts = await ReadAsync(reader, ReadContract, ct).ConfigureAwait(false);
        var payers = await ReadAsync(reader, ReadPayer, ct).ConfigureAwait(false);
        var links = await ReadAsync(reader, ReadEntityLink, ct).ConfigureAwait(false);
        var promises = await ReadAsync(reader, ReadPromise, ct).ConfigureAwait(false);
        var invoiceRows = await ReadAsync(reader, r => ReadInvoice(r, pool), ct).ConfigureAwait(false);
        var payments = await ReadAsync(reader, r => ReadPayment(r, pool), ct).ConfigureAwait(false);
        var applications = await ReadAsync(reader, ReadApplication, ct).ConfigureAwait(false);
        return new LedgerSnapshot(
            meta, present, payers, links, projectRows, deliveries, quotes, invoiceRows, payments,
            applications, retainage, contracts, promises, []);
    }
}
