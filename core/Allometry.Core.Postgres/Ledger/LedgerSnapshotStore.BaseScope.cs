namespace Allometry.Core.Postgres.Ledger;

using Npgsql;

// The base scope of a whole-tenant evaluation, for the rules it covers (Exceptions/Screening/
// BaseScope): every open receivable with what is paid to it, every promise, every unapplied
// payment and every aging line, with every payer and link. It needs no screen, so it is read on a
// second connection of the same snapshot while the screens run on the first
// (LedgerSnapshotStore.Screened.cs). A million paid-up invoices are never read.
public sealed partial class LedgerSnapshotStore
{
    // Invoices the base-scope rules may report on, whole rows read once and kept for the batch:
    // open receivables (0018's partial index, rows fetched as it is scanned), and the few others
    // that are promised, named by a live exception, aging-export lines (0014's partial index), or
    // deposit invoices of projects with a snoozed exception (a snooze may wait for a deposit).
    // UNION ALL over disjoint sets: the second part skips what the first read.
    private const string BaseCoreInvoicesSql = """
        CREATE TEMP TABLE core_invoices ON COMMIT DROP AS
        SELECT * FROM invoices WHERE tenant_id = $1 AND balance <> 0 AND status <> 'void'
        UNION ALL
        SELECT i.*
        FROM (SELECT invoice_id FROM promises WHERE tenant_id = $1 AND invoice_id IS NOT NULL
              UNION SELECT invoice_id FROM chat_promises WHERE tenant_id = $1 AND invoice_id IS NOT NULL
              UNION SELECT subject_id FROM exceptions WHERE tenant_id = $1 AND status <> 'closed' AND subject_kind = 'invoice'
              UNION SELECT invoice_id FROM invoices WHERE tenant_id = $1 AND origin <> 'workbook'
              UNION SELECT invoice_id FROM invoices
                    WHERE tenant_id = $1 AND kind = 'deposit'
                      AND project_id IN (SELECT project_id FROM exceptions
                                         WHERE tenant_id = $1 AND status = 'snoozed' AND project_id IS NOT NULL)) named
        CROSS JOIN LATERAL (SELECT * FROM invoices WHERE tenant_id = $1 AND invoice_id = named.invoice_id) i
        WHERE NOT (i.balance <> 0 AND i.status <> 'void')
        """;

    // Payments read with every application they have (a payment's unapplied rest is read from
    // them): those paid to a core invoice; every payment with an unapplied rest (unapplied cash,
    // unapplied deposits); the whole history of payers with promises (BrokenPromise adds them up),
    // of payers a snoozed exception may be waiting on (SnoozeConditions, as the project slice
    // picks them), and of payers with an aging credit line (UnappliedCash asks whether they have
    // any payment at all); and the payments live exceptions name.
    private const string BasePaymentsSql = $"""
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

    private const string BaseContextInvoicesSql = $"""
        CREATE TEMP TABLE context_invoices ON COMMIT DROP AS
        SELECT i.*
        FROM ({PaymentNamedInvoices}
              EXCEPT SELECT invoice_id FROM core_invoices) AS named (wanted)
        CROSS JOIN LATERAL (SELECT * FROM invoices WHERE tenant_id = $1 AND invoice_id = named.wanted) i
        """;

    // Project rows: the projects of the light (core) invoices and live exceptions (a collections rule asks who
    // holds an invoice now, a closure reason whether anything is left open); and every project
    // declaring a payer change (LiabilityMap collects those payers).
    private const string BaseProjectRowsSql = $"""
        SELECT {ProjectsColumns}
        FROM (SELECT project_id FROM core_invoices WHERE project_id IS NOT NULL
              UNION SELECT project_id FROM exceptions WHERE tenant_id = $1 AND status <> 'closed' AND project_id IS NOT NULL
              UNION SELECT subject_id FROM exceptions WHERE tenant_id = $1 AND status <> 'closed' AND subject_kind = 'project'
              UNION SELECT project_id FROM projects
                    WHERE tenant_id = $1 AND current_payer_id IS NOT NULL AND current_payer_id <> contract_payer_id) AS ids (wanted)
        CROSS JOIN LATERAL (SELECT * FROM projects WHERE tenant_id = $1 AND project_id = ids.wanted) projects
        ORDER BY project_id
        """;

    private const string LightInvoiceIdsSql = "SELECT invoice_id FROM core_invoices";

    /// <summary>
    /// Reads the base scope: the open, promised, named and aging invoices with their project rows
    /// and payments, every unapplied payment, every payer, link and promise.
    /// </summary>
    internal static async Task<ScopeRows> ReadBaseScopeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in (string[])[BaseCoreInvoicesSql, BasePaymentsSql, PaymentRowsSql, ApplicationRowsSql, BaseContextInvoicesSql,
                     BaseProjectRowsSql, PayersSql, EntityLinksSql, PromisesSql, ScopedInvoicesSql, ScopedPaymentsSql, ScopedApplicationsSql, LightInvoiceIdsSql])
        {
            Add(batch, sql, tenantId);
        }
        var pool = new StringPool();
        // The CREATE TEMP TABLE statements return no rows: the reader starts at the projects.
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return new ScopeRows
        {
            Projects = await ReadAsync(reader, ReadProject, ct).ConfigureAwait(false),
            Payers = await ReadAsync(reader, ReadPayer, ct).ConfigureAwait(false),
            Links = await ReadAsync(reader, ReadEntityLink, ct).ConfigureAwait(false),
            Promises = await ReadAsync(reader, ReadPromise, ct).ConfigureAwait(false),
            Invoices = await ReadAsync(reader, r => ReadInvoice(r, pool), ct).ConfigureAwait(false),
            Payments = await ReadAsync(reader, r => ReadPayment(r, pool), ct).ConfigureAwait(false),
            Applications = await ReadAsync(reader, ReadApplication, ct).ConfigureAwait(false),
            LightInvoices = await ReadAsync(reader, r => r.GetString(0), ct).ConfigureAwait(false),
        };
    }
}
