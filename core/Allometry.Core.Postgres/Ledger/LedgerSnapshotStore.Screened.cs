namespace Allometry.Core.Postgres.Ledger;

using Allometry.Core.Ledger;
using Npgsql;

// What a whole-tenant evaluation reads once screens have named where rules can fire
// (Exceptions/Screening): the screened projects whole (as the project slice reads one), and, for
// the rules the base scope covers, every open receivable with what is paid to it, every promise,
// every unapplied payment and every aging line. The sets sit in temporary tables for the batch, so
// every statement joins them instead of re-deriving them. A million paid-up invoices are never read.
public sealed partial class LedgerSnapshotStore
{
    private const string WholeProjectsSql = """
        CREATE TEMP TABLE whole_projects ON COMMIT DROP AS
        SELECT DISTINCT unnest($2::text[]) COLLATE "C" AS project_id
        """;

    // Invoices the base-scope rules may report on, each read with its project row and everything
    // paid to it: open receivables (0018's partial index), the screens' projectless invoices,
    // promised invoices, invoices live exceptions name, aging-export lines (0014's partial index),
    // and the deposit invoices of projects with a snoozed exception (a snooze may wait for a deposit).
    private const string LightInvoicesSql = $"""
        CREATE TEMP TABLE light_invoices ON COMMIT DROP AS
        SELECT invoice_id, project_id FROM invoices WHERE tenant_id = $1 AND balance <> 0 AND status <> 'void'
        UNION
        SELECT i.invoice_id, i.project_id
        FROM (SELECT unnest($2::text[]) COLLATE "C" AS invoice_id
              UNION SELECT invoice_id FROM promises WHERE tenant_id = $1 AND invoice_id IS NOT NULL
              UNION SELECT invoice_id FROM chat_promises WHERE tenant_id = $1 AND invoice_id IS NOT NULL
              UNION SELECT subject_id FROM exceptions WHERE tenant_id = $1 AND status <> 'closed' AND subject_kind = 'invoice') named
        CROSS JOIN LATERAL (SELECT invoice_id, project_id FROM invoices WHERE tenant_id = $1 AND invoice_id = named.invoice_id) i
        UNION
        SELECT invoice_id, project_id FROM invoices WHERE tenant_id = $1 AND origin <> 'workbook'
        UNION
        SELECT invoice_id, project_id FROM invoices
        WHERE tenant_id = $1 AND kind = 'deposit'
          AND project_id IN (SELECT project_id FROM exceptions WHERE tenant_id = $1 AND status = 'snoozed' AND project_id IS NOT NULL)
        """;

    // Invoices read with every payment applied to them, whole rows (read once, by index, and kept
    // for the batch): the whole projects' and the light ones.
    private const string CoreInvoicesSql = $"""
        CREATE TEMP TABLE core_invoices ON COMMIT DROP AS
        SELECT i.*
        FROM whole_projects w
        CROSS JOIN LATERAL (SELECT * FROM invoices WHERE tenant_id = $1 AND project_id = w.project_id) i
        UNION
        SELECT i.*
        FROM light_invoices l
        CROSS JOIN LATERAL (SELECT * FROM invoices WHERE tenant_id = $1 AND invoice_id = l.invoice_id) i
        """;

    // A payment with an unapplied rest (alias p): 0018's triggers keep applied_amount, its partial index finds them.
    private const string Unapplied = "p.amount <> p.applied_amount";

    // Payments read with every application they have (a payment's unapplied rest is read from
    // them): those paid to a core invoice; every payment with an unapplied rest (unapplied cash,
    // unapplied deposits); the whole history of payers with promises (BrokenPromise adds them up),
    // of payers a snoozed exception may be waiting on (SnoozeConditions, as the project slice
    // picks them), and of payers with an aging credit line (UnappliedCash asks whether they have
    // any payment at all); and the payments live exceptions name.
    private const string ScopePaymentsSql = $"""
        CREATE TEMP TABLE screened_payments ON COMMIT DROP AS
        SELECT a.payment_id
        FROM core_invoices c
        CROSS JOIN LATERAL (SELECT payment_id FROM payment_applications WHERE tenant_id = $1 AND invoice_id = c.invoice_id) a
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

    // The payments and all their applications, whole rows.
    private const string PaymentRowsSql = """
        CREATE TEMP TABLE payment_rows ON COMMIT DROP AS
        SELECT p.*
        FROM screened_payments s
        CROSS JOIN LATERAL (SELECT * FROM payments WHERE tenant_id = $1 AND payment_id = s.payment_id) p
        """;

    private const string ApplicationRowsSql = """
        CREATE TEMP TABLE application_rows ON COMMIT DROP AS
        SELECT a.*
        FROM screened_payments s
        CROSS JOIN LATERAL (SELECT * FROM payment_applications WHERE tenant_id = $1 AND payment_id = s.payment_id) a
        """;

    // The other invoices read, as context: what the whole projects' rows name (holds, release and
    // renewal invoices); every invoice a read payment pays (a third party's other invoices, a
    // payment's unapplied rest); the invoices an unapplied payment's reference names (the rule
    // keeps its payer's).
    private const string ContextInvoicesSql = $"""
        CREATE TEMP TABLE context_invoices ON COMMIT DROP AS
        SELECT i.*
        FROM (SELECT invoice_id FROM retainage_holds
              WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM whole_projects) AND invoice_id IS NOT NULL
              UNION SELECT release_invoice_id FROM retainage_holds
                    WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM whole_projects) AND release_invoice_id IS NOT NULL
              UNION SELECT last_renewal_invoice_id FROM service_contracts
                    WHERE tenant_id = $1 AND (project_id IS NULL OR project_id IN (SELECT project_id FROM whole_projects))
                      AND last_renewal_invoice_id IS NOT NULL
              UNION SELECT invoice_id FROM application_rows
              UNION SELECT regexp_split_to_table(p.reference, '[ ,;/:#()\t]+') FROM payment_rows p
                    WHERE {Unapplied} AND p.reference IS NOT NULL
              EXCEPT SELECT invoice_id FROM core_invoices) AS named (wanted)
        CROSS JOIN LATERAL (SELECT * FROM invoices WHERE tenant_id = $1 AND invoice_id = named.wanted) i
        """;

    // Project rows: the whole projects; the projects of light invoices and live exceptions (a
    // collections rule asks who holds an invoice now, a closure reason whether anything is left
    // open); and every project declaring a payer change (LiabilityMap collects those payers).
    private const string ScopedProjectRowsSql = $"""
        SELECT {ProjectsColumns}
        FROM (SELECT project_id FROM whole_projects
              UNION SELECT project_id FROM light_invoices WHERE project_id IS NOT NULL
              UNION SELECT project_id FROM exceptions WHERE tenant_id = $1 AND status <> 'closed' AND project_id IS NOT NULL
              UNION SELECT subject_id FROM exceptions WHERE tenant_id = $1 AND status <> 'closed' AND subject_kind = 'project'
              UNION SELECT project_id FROM projects
                    WHERE tenant_id = $1 AND current_payer_id IS NOT NULL AND current_payer_id <> contract_payer_id) AS ids (wanted)
        CROSS JOIN LATERAL (SELECT * FROM projects WHERE tenant_id = $1 AND project_id = ids.wanted) projects
        ORDER BY project_id
        """;

    private const string ScopedDeliveriesSql = $"""
        SELECT {DeliveriesColumns} FROM deliveries
        WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM whole_projects) ORDER BY project_id, milestone
        """;

    private const string ScopedQuotesSql = $"""
        SELECT {QuotesColumns} FROM quotes
        WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM whole_projects) ORDER BY quote_id
        """;

    private const string ScopedRetainageSql = $"""
        SELECT {RetainageColumns} FROM retainage_holds
        WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM whole_projects) ORDER BY project_id, invoice_id NULLS FIRST
        """;

    // A contract without a project stands alone (its renewal invoice is named on it): always read.
    private const string ScopedContractsSql = $"""
        SELECT {ContractsColumns} FROM service_contracts
        WHERE tenant_id = $1 AND (project_id IS NULL OR project_id IN (SELECT project_id FROM whole_projects)) ORDER BY contract_id
        """;

    // The core invoices; what the whole projects' rows name (holds, release and renewal invoices);
    // every invoice a read payment pays (a third party's other invoices, a payment's unapplied
    // rest); the invoices an unapplied payment's reference names (the rule keeps its payer's).
    private const string ScopedInvoicesSql = $"""
        SELECT {InvoicesColumns}
        FROM (SELECT * FROM core_invoices UNION ALL SELECT * FROM context_invoices) invoices
        ORDER BY invoice_id
        """;

    private const string ScopedPaymentsSql = $"""
        SELECT {PaymentsColumns} FROM payment_rows ORDER BY payment_id
        """;

    private const string ScopedApplicationsSql = $"""
        SELECT {ApplicationsColumns} FROM application_rows ORDER BY payment_id, invoice_id
        """;

    private const string LightInvoiceIdsSql = "SELECT invoice_id FROM light_invoices";

    /// <summary>The tenant's meta and which sheets it has, to decide which rules (and so which screens) run.</summary>
    internal static async Task<(LedgerMeta Meta, HashSet<string> Present)> ReadMetaAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in (string[])[MetaSql, PresentSql])
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var meta = await ReadMetaAsync(reader, tenantId, ct).ConfigureAwait(false);
        var present = await ReadPresentAsync(reader, ct).ConfigureAwait(false);
        return (meta, present);
    }

    /// <summary>
    /// Reads the scope: <paramref name="wholeProjects"/> whole; <paramref name="invoices"/> and the
    /// base scope's invoices with their project rows and payments; every payer, link and promise.
    /// </summary>
    /// <returns>The snapshot, and the invoices read for the base scope (open, promised, named…).</returns>
    internal static async Task<(LedgerSnapshot Snapshot, List<string> LightInvoices)> ReadScopeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, LedgerMeta meta, IReadOnlySet<string> present,
        IReadOnlyCollection<string> wholeProjects, IReadOnlyCollection<string> invoices, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        void Add(string sql, params object[] parameters)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }
        Add(WholeProjectsSql, tenantId, wholeProjects.ToArray());
        Add(LightInvoicesSql, tenantId, invoices.ToArray());
        foreach (var sql in (string[])[CoreInvoicesSql, ScopePaymentsSql, PaymentRowsSql, ApplicationRowsSql, ContextInvoicesSql, ScopedProjectRowsSql, ScopedDeliveriesSql, ScopedQuotesSql,
                     ScopedRetainageSql, ScopedContractsSql, PayersSql, EntityLinksSql, PromisesSql, ScopedInvoicesSql, ScopedPaymentsSql,
                     ScopedApplicationsSql, LightInvoiceIdsSql])
        {
            Add(sql, tenantId);
        }
        var pool = new StringPool();
        // The CREATE TEMP TABLE statements return no rows: the reader starts at the projects.
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
        var light = await ReadAsync(reader, r => r.GetString(0), ct).ConfigureAwait(false);
        var snapshot = new LedgerSnapshot(
            meta, present, payers, links, projectRows, deliveries, quotes, invoiceRows, payments,
            applications, retainage, contracts, promises, []);
        return (snapshot, light);
    }
}
