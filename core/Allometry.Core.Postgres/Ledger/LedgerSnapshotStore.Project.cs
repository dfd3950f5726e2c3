namespace Allometry.Core.Postgres.Ledger;

using System.Data;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Npgsql;

// The slice of a ledger that one project's item-level rules look at, for incremental evaluation:
// the project with its deliveries, quotes, holds and contracts, its invoices with every payment
// applied to them (and everything those payments were applied to), and of the payers it involves
// (contract and current payer, payers of its invoices, quotes and contracts, payers of payments
// applied to its invoices) only what a rule about the project's items reads: their rows, entity
// links and promises, their aging-export lines (SuspectedRetainage compares a line with the payer's
// other lines), and their unapplied payments whose reference names an invoice of the project
// (UnappliedDeposit). A payer's whole receivables are not read: the rules that add them up
// (concentration, unapplied cash, group exposure) report payers and groups, which a full
// evaluation owns. One round trip (the payers are worked out by the server, SlicePayersSql), every
// statement on an index, whatever the size of the rest of the ledger.
public sealed partial class LedgerSnapshotStore
{
    private const string PresentSql = """
        SELECT EXISTS (SELECT 1 FROM entity_links WHERE tenant_id = $1),
               EXISTS (SELECT 1 FROM projects WHERE tenant_id = $1),
               EXISTS (SELECT 1 FROM deliveries WHERE tenant_id = $1),
               EXISTS (SELECT 1 FROM quotes WHERE tenant_id = $1),
               EXISTS (SELECT 1 FROM payments WHERE tenant_id = $1),
               EXISTS (SELECT 1 FROM payment_applications WHERE tenant_id = $1),
               EXISTS (SELECT 1 FROM retainage_holds WHERE tenant_id = $1),
               EXISTS (SELECT 1 FROM service_contracts WHERE tenant_id = $1),
               EXISTS (SELECT 1 FROM promises WHERE tenant_id = $1) OR EXISTS (SELECT 1 FROM chat_promises WHERE tenant_id = $1),
               EXISTS (SELECT 1 FROM bank_transactions WHERE tenant_id = $1)
        """;

    private static readonly string[] PresentSheetOrder =
    [
        LedgerSheets.EntityLinks, LedgerSheets.Projects, LedgerSheets.Deliveries, LedgerSheets.Quotes, LedgerSheets.Payments,
        LedgerSheets.PaymentApplications, LedgerSheets.Retainage, LedgerSheets.ServiceContracts, LedgerSheets.Promises,
        LedgerSheets.BankTransactions,
    ];

    private const string ProjectRowSql = $"""
        SELECT {ProjectsColumns}
        FROM projects WHERE tenant_id = $1 AND project_id = $2
        """;

    private const string ProjectDeliveriesSql = $"""
        SELECT {DeliveriesColumns}
        FROM deliveries WHERE tenant_id = $1 AND project_id = $2 ORDER BY milestone
        """;

    private const string ProjectQuotesSql = $"""
        SELECT {QuotesColumns}
        FROM quotes WHERE tenant_id = $1 AND project_id = $2 ORDER BY quote_id
        """;

    private const string ProjectRetainageSql = $"""
        SELECT {RetainageColumns}
        FROM retainage_holds WHERE tenant_id = $1 AND project_id = $2 ORDER BY invoice_id NULLS FIRST
        """;

    private const string ProjectContractsSql = $"""
        SELECT {ContractsColumns}
        FROM service_contracts WHERE tenant_id = $1 AND project_id = $2 ORDER BY contract_id
        """;

    // What the slice reads is worked out by the server once and kept for the rest of the batch in
    // transaction-local settings (read back by InvolvedPayers, HistoryPayers, PaidPayments and
    // CreditPayments), so the whole slice is one round trip and no statement repeats another's
    // work. Involved payers: of the project's invoices and of payments applied to them (a third
    // party may pay), its contract and current payer, its quotes' and contracts' payers. History:
    // whose payments a snoozed exception of the project (or of one of its invoices) may be waiting
    // for, as SnoozeConditions picks that payer (re-routed, else the exception's, else the
    // project's current or contract payer); the condition itself is not read, so a snooze on a
    // date alone brings the history too, which changes nothing. Paid: the payments applied to the
    // project's invoices. Credits (SliceCreditsSql): payments of an involved payer applied to nothing whose
    // reference names an invoice of the project (a substring test, looser than the rule's token
    // match, so nothing UnappliedDeposit needs is missed).
    // The snoozed exceptions of the project's invoices are looked up subject by subject (lateral,
    // OFFSET 0), the one plan that does not depend on the statistics of exceptions (see
    // ExceptionStore.ProjectSubjectStatesSql).
    private const string SlicePayersSql = """
        WITH project_invoices AS (
            SELECT invoice_id, payer_id FROM invoices WHERE tenant_id = $1 AND project_id = $2
        ),
        applied AS (
            SELECT DISTINCT a.payment_id
            FROM payment_applications a
            WHERE a.tenant_id = $1 AND a.invoice_id IN (SELECT invoice_id FROM project_invoices)
        ),
        involved AS (
            SELECT payer_id FROM project_invoices
            UNION
            SELECT p.payer_id FROM applied a JOIN payments p ON p.tenant_id = $1 AND p.payment_id = a.payment_id
            UNION
            SELECT unnest(ARRAY[contract_payer_id, current_payer_id]) FROM projects WHERE tenant_id = $1 AND project_id = $2
            UNION
            SELECT payer_id FROM quotes WHERE tenant_id = $1 AND project_id = $2
            UNION
            SELECT payer_id FROM service_contracts WHERE tenant_id = $1 AND project_id = $2
        ),
        snoozed AS (
            SELECT e.rerouted_payer_id, e.payer_id, e.project_id
            FROM exceptions e
            WHERE e.tenant_id = $1 AND e.project_id = $2 AND e.status = 'snoozed'
            UNION
            SELECT e.rerouted_payer_id, e.payer_id, e.project_id
            FROM (SELECT invoice_id AS id FROM project_invoices UNION ALL SELECT $2) subject
            CROSS JOIN LATERAL (
                SELECT x.rerouted_payer_id, x.payer_id, x.project_id
                FROM exceptions x
                WHERE x.tenant_id = $1 AND x.subject_id = subject.id AND x.status = 'snoozed'
                OFFSET 0) e
        ),
        history AS (
            SELECT coalesce(e.rerouted_payer_id, e.payer_id, pr.current_payer_id, pr.contract_payer_id) AS payer_id
            FROM snoozed e
            LEFT JOIN projects pr ON pr.tenant_id = $1 AND pr.project_id = e.project_id AND e.project_id = $2
        )
        SELECT set_config('allometry.slice_payers',
                   coalesce((SELECT array_agg(payer_id ORDER BY payer_id) FROM involved WHERE payer_id IS NOT NULL), '{}')::text, true),
               set_config('allometry.slice_history',
                   coalesce((SELECT array_agg(DISTINCT payer_id) FROM history WHERE payer_id IS NOT NULL), '{}')::text, true),
               set_config('allometry.slice_paid',
                   coalesce((SELECT array_agg(payment_id) FROM applied), '{}')::text, true)
        """;

    // Apart from SlicePayersSql, on the involved payers' setting: inside that statement the
    // planner cannot tell how few payers there are and reads every payment and application.
    // 0020's payments_reference_idx answers the payers' payments from index pages alone.
    private const string SliceCreditsSql = $"""
        SELECT set_config('allometry.slice_credits', coalesce((
            SELECT array_agg(p.payment_id)
            FROM payments p
            WHERE p.tenant_id = $1 AND p.payer_id = ANY({InvolvedPayers}) AND p.reference IS NOT NULL
              AND EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = $1 AND i.project_id = $2 AND strpos(p.reference, i.invoice_id) > 0)
              AND NOT EXISTS (SELECT 1 FROM payment_applications a WHERE a.tenant_id = $1 AND a.payment_id = p.payment_id)), ARRAY[]::text[])::text, true)
        """;

    private const string InvolvedPayers = "current_setting('allometry.slice_payers')::text[]";

    private const string HistoryPayers = "current_setting('allometry.slice_history')::text[]";

    private const string PaidPayments = "current_setting('allometry.slice_paid')::text[]";

    private const string CreditPayments = "current_setting('allometry.slice_credits')::text[]";

    // The project's invoices; the invoices its holds and contracts name; and the payments applied
    // to its invoices, with all their applications (a payment's unapplied rest and a third party's
    // other invoices are read from them) and the invoices those applications pay.
    private const string ProjectInvoicesSql = $"""
        SELECT {InvoicesColumns}
        FROM invoices
        WHERE tenant_id = $1
          AND invoice_id IN (
              SELECT invoice_id FROM invoices WHERE tenant_id = $1 AND project_id = $2
              UNION SELECT invoice_id FROM retainage_holds WHERE tenant_id = $1 AND project_id = $2 AND invoice_id IS NOT NULL
              UNION SELECT release_invoice_id FROM retainage_holds WHERE tenant_id = $1 AND project_id = $2 AND release_invoice_id IS NOT NULL
              UNION SELECT last_renewal_invoice_id FROM service_contracts WHERE tenant_id = $1 AND project_id = $2 AND last_renewal_invoice_id IS NOT NULL
              UNION SELECT a.invoice_id FROM payment_applications a WHERE a.tenant_id = $1 AND a.payment_id = ANY({PaidPayments}))
        ORDER BY invoice_id
        """;

    private const string ProjectPaymentsSql = $"""
        SELECT {PaymentsColumns}
        FROM payments
        WHERE tenant_id = $1 AND payment_id = ANY({PaidPayments})
        ORDER BY payment_id
        """;

    private const string ProjectApplicationsSql = $"""
        SELECT {ApplicationsColumns}
        FROM payment_applications
        WHERE tenant_id = $1 AND payment_id = ANY({PaidPayments})
        ORDER BY payment_id, invoice_id
        """;

    // The involved payers' rows, with their link neighbours.
    private const string InvolvedPayerRowsSql = $"""
        SELECT {PayersColumns}
        FROM payers
        WHERE tenant_id = $1
          AND payer_id IN (SELECT unnest({InvolvedPayers})
                           UNION SELECT to_payer_id FROM entity_links WHERE tenant_id = $1 AND from_payer_id = ANY({InvolvedPayers})
                           UNION SELECT from_payer_id FROM entity_links WHERE tenant_id = $1 AND to_payer_id = ANY({InvolvedPayers}))
        ORDER BY payer_id
        """;

    private const string InvolvedLinksSql = $"""
        SELECT {EntityLinksColumns}
        FROM entity_links
        WHERE tenant_id = $1 AND (from_payer_id = ANY({InvolvedPayers}) OR to_payer_id = ANY({InvolvedPayers}))
        ORDER BY from_payer_id, to_payer_id, kind
        """;

    // The involved payers' lines of an aging export (0014's partial index holds only those), a
    // line of the project being compared with its payer's other lines.
    private const string InvolvedAgingLinesSql = $"""
        SELECT {InvoicesColumns}
        FROM invoices
        WHERE tenant_id = $1 AND payer_id = ANY({InvolvedPayers}) AND origin <> 'workbook'
        ORDER BY invoice_id
        """;

    private const string ReferencedCreditsSql = $"""
        SELECT {PaymentsColumns}
        FROM payments
        WHERE tenant_id = $1 AND payment_id = ANY({CreditPayments})
        ORDER BY payment_id
        """;

    // Every invoice a credit's reference could name (the rule keeps those of the payment's payer).
    private const string ReferencedInvoicesSql = $"""
        SELECT {InvoicesColumns}
        FROM invoices
        WHERE tenant_id = $1
          AND invoice_id IN (SELECT regexp_split_to_table(reference, '[ ,;/:#()\t]+')
                             FROM payments WHERE tenant_id = $1 AND payment_id = ANY({CreditPayments}))
        ORDER BY invoice_id
        """;

    private const string InvolvedPromisesSql = $"""
        SELECT {PromisesColumns}
        FROM (SELECT {PromisesColumns} FROM promises WHERE tenant_id = $1 AND payer_id = ANY({InvolvedPayers})
              UNION
              SELECT {PromisesColumns} FROM chat_promises WHERE tenant_id = $1 AND payer_id = ANY({InvolvedPayers})) p
        ORDER BY payer_id, invoice_id NULLS FIRST, promised_on
        """;

    // The whole payment history of the payers a caller names (HistoryPayers: a snoozed exception may be
    // waiting for one of their payments), with every application of those payments.
    private const string HistoryPaymentsSql = $"""
        SELECT {PaymentsColumns}
        FROM payments WHERE tenant_id = $1 AND payer_id = ANY({HistoryPayers})
        """;

    private const string HistoryApplicationsSql = $"""
        SELECT {ApplicationsColumns}
        FROM payment_applications
        WHERE tenant_id = $1 AND payment_id IN (SELECT payment_id FROM payments WHERE tenant_id = $1 AND payer_id = ANY({HistoryPayers}))
        """;

    // Prepared statements are planned anew at every run while PostgreSQL judges their generic
    // plan dearer than a custom one, which for these (parameters inside IN subqueries) it does:
    // planning the slice then cost more than running it. Their generic plans are index look-ups
    // by tenant and project, as good as custom ones, so the slice asks for them, and puts the
    // setting back after its own statements (the caller's writes plan better with their arrays' sizes).
    private const string SavePlanModeSql = "SELECT set_config('allometry.saved_plan_cache_mode', current_setting('plan_cache_mode'), true)";

    private const string GenericPlansSql = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true)";

    private const string RestorePlanModeSql = "SELECT set_config('plan_cache_mode', current_setting('allometry.saved_plan_cache_mode'), true)";

    private static readonly string[] SliceSql =
    [
        MetaSql, PresentSql, ProjectRowSql, ProjectDeliveriesSql, ProjectQuotesSql, ProjectRetainageSql, ProjectContractsSql,
        SlicePayersSql, SliceCreditsSql, ProjectInvoicesSql, ProjectPaymentsSql, ProjectApplicationsSql,
        InvolvedPayerRowsSql, InvolvedLinksSql, InvolvedAgingLinesSql, ReferencedCreditsSql, ReferencedInvoicesSql, InvolvedPromisesSql,
        HistoryPaymentsSql, HistoryApplicationsSql,
    ];

    /// <summary>
    /// Loads the part of the tenant's ledger that rules about one project's items need: the
    /// project and its rows, its invoices with the payments applied to them, and of the payers it
    /// involves what those rules read. Payer- and group-wide figures (a payer's share of all AR,
    /// its unapplied cash, a linked group's exposure) are not complete in it: those belong to a
    /// full evaluation.
    /// </summary>
    /// <returns>The slice; <see cref="LedgerSnapshot.PresentSheets"/> are the tenant's, as in <see cref="LoadAsync"/>.</returns>
    /// <exception cref="LedgerNotFoundException">The tenant has no imported ledger, or no such project.</exception>
    public async Task<LedgerSnapshot> LoadProjectAsync(string tenantId, string projectId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        var snapshot = await LoadProjectAsync(connection, transaction, tenantId, projectId, null, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return snapshot;
    }

    /// <summary>The slice, read inside the caller's transaction, with the caller's statements riding along.</summary>
    internal static async Task<LedgerSnapshot> LoadProjectAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string projectId, SliceStatements? extra, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        var pool = new StringPool();
        var invoices = new Rows<Invoice>(i => i.InvoiceId);
        var payments = new Rows<Payment>(p => p.PaymentId);
        var applications = new Rows<PaymentApplication>(a => $"{a.PaymentId}\n{a.InvoiceId}");
        string[] statements = [SavePlanModeSql, GenericPlansSql, .. extra?.Leading ?? [], .. SliceSql, RestorePlanModeSql, .. extra?.Trailing ?? []];
        await using var batch = await PreparedBatchAsync(connection, transaction, statements, [tenantId, projectId], ct).ConfigureAwait(false);
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await ReadAsync(reader, r => r.GetString(0), ct).ConfigureAwait(false);
        await ReadAsync(reader, r => r.GetString(0), ct).ConfigureAwait(false);
        if (extra is not null) await extra.ReadLeadingAsync(reader, ct).ConfigureAwait(false);
        var meta = await ReadMetaAsync(reader, tenantId, ct).ConfigureAwait(false);
        var present = await ReadPresentAsync(reader, ct).ConfigureAwait(false);
        var projects = await ReadAsync(reader, ReadProject, ct).ConfigureAwait(false);
        var deliveries = await ReadAsync(reader, ReadDelivery, ct).ConfigureAwait(false);
        var quotes = await ReadAsync(reader, ReadQuote, ct).ConfigureAwait(false);
        var retainage = await ReadAsync(reader, ReadHold, ct).ConfigureAwait(false);
        var contracts = await ReadAsync(reader, ReadContract, ct).ConfigureAwait(false);
        await ReadAsync(reader, r => r.GetString(0), ct).ConfigureAwait(false); // the slice's settings, used by the server only
        await ReadAsync(reader, r => r.GetString(0), ct).ConfigureAwait(false);
        invoices.AddRange(await ReadAsync(reader, r => ReadInvoice(r, pool), ct).ConfigureAwait(false));
        payments.AddRange(await ReadAsync(reader, r => ReadPayment(r, pool), ct).ConfigureAwait(false));
        applications.AddRange(await ReadAsync(reader, ReadApplication, ct).ConfigureAwait(false));
        var payers = await ReadAsync(reader, ReadPayer, ct).ConfigureAwait(false);
        var links = await ReadAsync(reader, ReadEntityLink, ct).ConfigureAwait(false);
        invoices.AddRange(await ReadAsync(reader, r => ReadInvoice(r, pool), ct).ConfigureAwait(false));
        payments.AddRange(await ReadAsync(reader, r => ReadPayment(r, pool), ct).ConfigureAwait(false));
        invoices.AddRange(await ReadAsync(reader, r => ReadInvoice(r, pool), ct).ConfigureAwait(false));
        var promises = await ReadAsync(reader, ReadPromise, ct).ConfigureAwait(false);
        payments.AddRange(await ReadAsync(reader, r => ReadPayment(r, pool), ct).ConfigureAwait(false));
        applications.AddRange(await ReadAsync(reader, ReadApplication, ct).ConfigureAwait(false));
        await ReadAsync(reader, r => r.GetString(0), ct).ConfigureAwait(false);
        if (extra is not null) await extra.ReadTrailingAsync(reader, ct).ConfigureAwait(false);
        _ = projects.SingleOrDefault() ?? throw new LedgerNotFoundException(tenantId, projectId);
        return new LedgerSnapshot(
            meta, present, payers, links, projects, deliveries, quotes, invoices.Items, payments.Items,
            applications.Items, retainage, contracts, promises, []);
    }

    // Prepared: planning these statements costs several times running them, and a prepared
    // statement stays on its pooled connection, so later evaluations of any project skip it.
    // Each statement gets the parameters it names ($1 … $n, in order).
    private static async Task<NpgsqlBatch> PreparedBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> statements, IReadOnlyList<object> parameters, CancellationToken ct)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            var count = parameters.Count;
            while (count > 1 && !sql.Contains($"${count}", StringComparison.Ordinal)) count--;
            for (var i = 0; i < count; i++) command.Parameters.Add(new NpgsqlParameter { Value = parameters[i] });
            batch.BatchCommands.Add(command);
        }
        await batch.PrepareAsync(ct).ConfigureAwait(false);
        return batch;
    }

    private static async Task<HashSet<string>> ReadPresentAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        var present = new HashSet<string>(StringComparer.Ordinal) { LedgerSheets.Meta, LedgerSheets.Payers, LedgerSheets.Invoices };
        await r.ReadAsync(ct).ConfigureAwait(false);
        for (var i = 0; i < PresentSheetOrder.Length; i++)
        {
            if (r.GetBoolean(i)) present.Add(PresentSheetOrder[i]);
        }
        await r.NextResultAsync(ct).ConfigureAwait(false);
        return present;
    }

    // A slice's rows come from more than one statement (a payment applied to the project's
    // invoices may also be a snoozed payer's): each row once, in the order first read.
    private sealed class Rows<T>(Func<T, string> key)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<T> Items { get; } = [];

        public void AddRange(IEnumerable<T> rows)
        {
            foreach (var row in rows)
            {
                if (_seen.Add(key(row))) Items.Add(row);
            }
        }
    }
}
