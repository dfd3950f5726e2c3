namespace Allometry.Core.Postgres.Ledger;

using Allometry.Core.Ledger;
using Npgsql;

// What a whole-tenant evaluation reads where the screens (Exceptions/Screening) said rules can
// fire: the screened projects whole (as the project slice reads one), and the invoices a screen
// named with their project row and everything paid to them. The base scope (open receivables,
// promises, unapplied cash: LedgerSnapshotStore.BaseScope.cs) is read beside it on a second
// connection of the same snapshot. The sets sit in temporary tables for the batch, so every
// statement joins them instead of re-deriving them.
public sealed partial class LedgerSnapshotStore
{
    private const string WholeProjectsSql = """
        CREATE TEMP TABLE whole_projects ON COMMIT DROP AS
        SELECT DISTINCT unnest($2::text[]) COLLATE "C" AS project_id
        """;

    // Projects read for their deposits (ScreenResult.DepositProjectIds) and not whole.
    private const string DepositProjectsSql = """
        CREATE TEMP TABLE deposit_projects ON COMMIT DROP AS
        SELECT unnest($2::text[]) COLLATE "C" AS project_id
        EXCEPT SELECT project_id FROM whole_projects
        """;

    // The whole projects' invoices, and the named invoices and the deposit projects' deposit
    // invoices outside them, whole rows read once by index and kept for the batch. UNION ALL over
    // disjoint sets: a UNION sorted fourteen thousand wide rows to find no duplicate.
    private const string ScreenedCoreInvoicesSql = """
        CREATE TEMP TABLE core_invoices ON COMMIT DROP AS
        SELECT i.*
        FROM whole_projects w
        CROSS JOIN LATERAL (SELECT * FROM invoices WHERE tenant_id = $1 AND project_id = w.project_id) i
        UNION ALL
        SELECT i.*
        FROM (SELECT unnest($2::text[]) COLLATE "C" AS invoice_id
              UNION SELECT d.invoice_id
                    FROM deposit_projects p
                    CROSS JOIN LATERAL (SELECT invoice_id FROM invoices
                                        WHERE tenant_id = $1 AND project_id = p.project_id AND kind = 'deposit') d) named
        CROSS JOIN LATERAL (SELECT * FROM invoices WHERE tenant_id = $1 AND invoice_id = named.invoice_id) i
        WHERE i.project_id IS NULL OR i.project_id NOT IN (SELECT project_id FROM whole_projects)
        """;

    // Every payment applied to a core invoice, read with all its applications.
    private const string ScreenedPaymentsSql = """
        CREATE TEMP TABLE screened_payments ON COMMIT DROP AS
        SELECT DISTINCT a.payment_id
        FROM core_invoices c
        CROSS JOIN LATERAL (SELECT payment_id FROM payment_applications WHERE tenant_id = $1 AND invoice_id = c.invoice_id) a
        """;

    // The payments and all their applications, whole rows (both lanes).
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

    // A payment with an unapplied rest (alias p): 0018's triggers keep applied_amount, its partial index finds them.
    private const string Unapplied = "p.amount <> p.applied_amount";

    // Invoices a read payment names (both lanes): every invoice it pays (a third party's other
    // invoices, a payment's unapplied rest), and those an unapplied payment's reference names (the
    // rule keeps its payer's).
    private const string PaymentNamedInvoices = $"""
        SELECT invoice_id FROM application_rows
        UNION SELECT regexp_split_to_table(p.reference, '[ ,;/:#()\t]+') FROM payment_rows p
              WHERE {Unapplied} AND p.reference IS NOT NULL
        """;

    // The other invoices read, as context: what the whole projects' rows name (holds, release and
    // renewal invoices), and the invoices the read payments name.
    private const string ScreenedContextInvoicesSql = $"""
        CREATE TEMP TABLE context_invoices ON COMMIT DROP AS
        SELECT i.*
        FROM (SELECT invoice_id FROM retainage_holds
              WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM whole_projects) AND invoice_id IS NOT NULL
              UNION SELECT release_invoice_id FROM retainage_holds
                    WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM whole_projects) AND release_invoice_id IS NOT NULL
              UNION SELECT last_renewal_invoice_id FROM service_contracts
                    WHERE tenant_id = $1 AND (project_id IS NULL OR project_id IN (SELECT project_id FROM whole_projects))
                      AND last_renewal_invoice_id IS NOT NULL
              UNION {PaymentNamedInvoices}
              EXCEPT SELECT invoice_id FROM core_invoices) AS named (wanted)
        CROSS JOIN LATERAL (SELECT * FROM invoices WHERE tenant_id = $1 AND invoice_id = named.wanted) i
        """;

    // The whole projects, the deposit projects, and the projects of the named invoices.
    private const string ScreenedProjectRowsSql = $"""
        SELECT {ProjectsColumns}
        FROM (SELECT project_id FROM whole_projects
              UNION SELECT project_id FROM deposit_projects
              UNION SELECT project_id FROM core_invoices WHERE project_id IS NOT NULL) AS ids (wanted)
        CROSS JOIN LATERAL (SELECT * FROM projects WHERE tenant_id = $1 AND project_id = ids.wanted) projects
        ORDER BY project_id
        """;

    // Deliveries and quotes: the whole projects' and the deposit projects'.
    private const string ScopedDeliveriesSql = $"""
        SELECT {DeliveriesColumns} FROM deliveries
        WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM whole_projects UNION ALL SELECT project_id FROM deposit_projects)
        ORDER BY project_id, milestone
        """;

    private const string ScopedQuotesSql = $"""
        SELECT {QuotesColumns} FROM quotes
        WHERE tenant_id = $1 AND project_id IN (SELECT project_id FROM whole_projects UNION ALL SELECT project_id FROM deposit_projects)
        ORDER BY quote_id
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

    // The core invoices and the context ones (both lanes): disjoint, the context excludes the core.
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

    /// <summary>The tenant's meta and which sheets it has, to decide which rules (and so which screens) run.</summary>
    internal static async Task<(LedgerMeta Meta, HashSet<string> Present)> ReadMetaAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        Add(batch, MetaSql, tenantId);
        Add(batch, PresentSql, tenantId);
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var meta = await ReadMetaAsync(reader, tenantId, ct).ConfigureAwait(false);
        var present = await ReadPresentAsync(reader, ct).ConfigureAwait(false);
        return (meta, present);
    }

    /// <summary>
    /// Reads <paramref name="wholeProjects"/> whole (invoices, holds, deliveries, quotes, contracts,
    /// payments), <paramref name="depositProjects"/> for their deposits (project row, deliveries,
    /// quotes, deposit invoices and their payments) and <paramref name="invoices"/> with their
    /// project rows and payments.
    /// </summary>
    internal static async Task<ScopeRows> ReadScreenedScopeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, IReadOnlyCollection<string> wholeProjects,
        IReadOnlyCollection<string> depositProjects, IReadOnlyCollection<string> invoices, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        Add(batch, WholeProjectsSql, tenantId, wholeProjects.ToArray());
        Add(batch, DepositProjectsSql, tenantId, depositProjects.ToArray());
        Add(batch, ScreenedCoreInvoicesSql, tenantId, invoices.ToArray());
        foreach (var sql in (string[])[ScreenedPaymentsSql, PaymentRowsSql, ApplicationRowsSql, ScreenedContextInvoicesSql, ScreenedProjectRowsSql,
                     ScopedDeliveriesSql, ScopedQuotesSql, ScopedRetainageSql, ScopedContractsSql, ScopedInvoicesSql, ScopedPaymentsSql, ScopedApplicationsSql])
        {
            Add(batch, sql, tenantId);
        }
        var pool = new StringPool();
        // The CREATE TEMP TABLE statements return no rows: the reader starts at the projects.
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return new ScopeRows
        {
            Projects = await ReadAsync(reader, ReadProject, ct).ConfigureAwait(false),
            Deliveries = await ReadAsync(reader, ReadDelivery, ct).ConfigureAwait(false),
            Quotes = await ReadAsync(reader, ReadQuote, ct).ConfigureAwait(false),
            Retainage = await ReadAsync(reader, ReadHold, ct).ConfigureAwait(false),
            Contracts = await ReadAsync(reader, ReadContract, ct).ConfigureAwait(false),
            Invoices = await ReadAsync(reader, r => ReadInvoice(r, pool), ct).ConfigureAwait(false),
            Payments = await ReadAsync(reader, r => ReadPayment(r, pool), ct).ConfigureAwait(false),
            Applications = await ReadAsync(reader, ReadApplication, ct).ConfigureAwait(false),
        };
    }
}
