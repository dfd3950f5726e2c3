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
// evaluation owns. Two round trips, every statement on an index, whatever the size of the rest
// of the ledger.
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

    // Payers of the project's invoices, and of payments applied to them (a third party may pay).
    private const string InvolvedPayersSql = """
        WITH project_invoices AS (
            SELECT invoice_id, payer_id FROM invoices WHERE tenant_id = $1 AND project_id = $2
        )
        SELECT payer_id FROM project_invoices
        UNION
        SELECT p.payer_id
        FROM payment_applications a
        JOIN payments p ON p.tenant_id = a.tenant_id AND p.payment_id = a.payment_id
        WHERE a.tenant_id = $1 AND a.invoice_id IN (SELECT invoice_id FROM project_invoices)
        """;

    // The payments applied to the project's invoices, with all their applications (a payment's
    // unapplied rest and a third party's other invoices are read from them) and the invoices those
    // applications pay; plus the invoices the project's holds and contracts name.
    private const string PaidProjectInvoicesCte = """
        paid AS (
            SELECT DISTINCT a.payment_id
            FROM payment_applications a
            WHERE a.tenant_id = $1
              AND a.invoice_id IN (SELECT invoice_id FROM invoices WHERE tenant_id = $1 AND project_id = $2)
        )
        """;

    private const string ProjectInvoicesSql = $"""
        WITH {PaidProjectInvoicesCte}
        SELECT {InvoicesColumns}
        FROM invoices
        WHERE tenant_id = $1
          AND invoice_id IN (
              SELECT invoice_id FROM invoices WHERE tenant_id = $1 AND project_id = $2
              UNION SELECT invoice_id FROM retainage_holds WHERE tenant_id = $1 AND project_id = $2 AND invoice_id IS NOT NULL
              UNION SELECT release_invoice_id FROM retainage_holds WHERE tenant_id = $1 AND project_id = $2 AND release_invoice_id IS NOT NULL
              UNION SELECT last_renewal_invoice_id FROM service_contracts WHERE tenant_id = $1 AND project_id = $2 AND last_renewal_invoice_id IS NOT NULL
              UNION SELECT a.invoice_id FROM payment_applications a WHERE a.tenant_id = $1 AND a.payment_id IN (SELECT payment_id FROM paid))
        ORDER BY invoice_id
        """;

    private const string ProjectPaymentsSql = $"""
        WITH {PaidProjectInvoicesCte}
        SELECT {PaymentsColumns}
        FROM payments
        WHERE tenant_id = $1 AND payment_id IN (SELECT payment_id FROM paid)
        ORDER BY payment_id
        """;

    private const string ProjectApplicationsSql = $"""
        WITH {PaidProjectInvoicesCte}
        SELECT {ApplicationsColumns}
        FROM payment_applications
        WHERE tenant_id = $1 AND payment_id IN (SELECT payment_id FROM paid)
        ORDER BY payment_id, invoice_id
        """;

    private static readonly string[] ProjectSql =
    [
        MetaSql, PresentSql, ProjectRowSql, ProjectDeliveriesSql, ProjectQuotesSql, ProjectRetainageSql, ProjectContractsSql, InvolvedPayersSql,
        ProjectInvoicesSql, ProjectPaymentsSql, ProjectApplicationsSql,
    ];

    // From here $2 is the involved payers, $3 the project, and the payers' link neighbours come along as payers.
    private const string InvolvedPayerRowsSql = $"""
        SELECT {PayersColumns}
        FROM payers
        WHERE tenant_id = $1
          AND (payer_id = ANY($2)
               OR payer_id IN (SELECT to_payer_id FROM entity_links WHERE tenant_id = $1 AND from_payer_id = ANY($2))
               OR payer_id IN (SELECT from_payer_id FROM entity_links WHERE tenant_id = $1 AND to_payer_id = ANY($2)))
        ORDER BY payer_id
        """;

    private const string InvolvedLinksSql = $"""
        SELECT {EntityLinksColumns}
        FROM entity_links
        WHERE tenant_id = $1 AND (from_payer_id = ANY($2) OR to_payer_id = ANY($2))
        ORDER BY from_payer_id, to_payer_id, kind
        """;

    // The involved payers' lines of an aging export (0014's partial index holds only those), a
    // line of the project being compared with its payer's other lines.
    private const string InvolvedAgingLinesSql = $"""
        SELECT {InvoicesColumns}
        FROM invoices
        WHERE tenant_id = $1 AND payer_id = ANY($2) AND origin <> 'workbook'
        ORDER BY invoice_id
        """;

    // Payments of an involved payer applied to nothing whose reference names an invoice of the
    // project (a substring test, looser than the rule's token match, so nothing it needs is missed).
    private const string ReferencedCreditsCte = """
        credits AS (
            SELECT p.payment_id, p.reference
            FROM payments p
            WHERE p.tenant_id = $1 AND p.payer_id = ANY($2) AND p.reference IS NOT NULL
              AND EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = $1 AND i.project_id = $3 AND strpos(p.reference, i.invoice_id) > 0)
              AND NOT EXISTS (SELECT 1 FROM payment_applications a WHERE a.tenant_id = $1 AND a.payment_id = p.payment_id)
        )
        """;

    private const string ReferencedCreditsSql = $"""
        WITH {ReferencedCreditsCte}
        SELECT {PaymentsColumns}
        FROM payments
        WHERE tenant_id = $1 AND payment_id IN (SELECT payment_id FROM credits)
        ORDER BY payment_id
        """;

    // Every invoice a credit's reference could name (the rule keeps those of the payment's payer).
    private const string ReferencedInvoicesSql = $"""
        WITH {ReferencedCreditsCte}
        SELECT {InvoicesColumns}
        FROM invoices
        WHERE tenant_id = $1
          AND invoice_id IN (SELECT regexp_split_to_table(reference, '[ ,;/:#()\t]+') FROM credits)
        ORDER BY invoice_id
        """;

    private const string InvolvedPromisesSql = $"""
        SELECT {PromisesColumns}
        FROM (SELECT {PromisesColumns} FROM promises WHERE tenant_id = $1 AND payer_id = ANY($2)
              UNION
              SELECT {PromisesColumns} FROM chat_promises WHERE tenant_id = $1 AND payer_id = ANY($2)) p
        ORDER BY payer_id, invoice_id NULLS FIRST, promised_on
        """;

    // The whole payment history of the payers a caller names ($4: a snoozed exception waiting for
    // one of their payments), with every application of those payments.
    private const string HistoryPaymentsSql = $"""
        SELECT {PaymentsColumns}
        FROM payments WHERE tenant_id = $1 AND payer_id = ANY($4)
        """;

    private const string HistoryApplicationsSql = $"""
        SELECT {ApplicationsColumns}
        FROM payment_applications
        WHERE tenant_id = $1 AND payment_id IN (SELECT payment_id FROM payments WHERE tenant_id = $1 AND payer_id = ANY($4))
        """;

    private static readonly string[] PayerSql =
    [
        InvolvedPayerRowsSql, InvolvedLinksSql, InvolvedAgingLinesSql, ReferencedCreditsSql, ReferencedInvoicesSql, InvolvedPromisesSql,
    ];

    private static readonly string[] PayerWithHistorySql = [.. PayerSql, HistoryPaymentsSql, HistoryApplicationsSql];

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
        LedgerMeta meta;
        HashSet<string> present;
        List<Project> projects;
        List<Delivery> deliveries;
        List<Quote> quotes;
        List<RetainageHold> retainage;
        List<ServiceContract> contracts;
        var involved = new HashSet<string>(StringComparer.Ordinal);
        var pool = new StringPool();
        var invoices = new Rows<Invoice>(i => i.InvoiceId);
        var payments = new Rows<Payment>(p => p.PaymentId);
        var applications = new Rows<PaymentApplication>(a => $"{a.PaymentId}\n{a.InvoiceId}");
        string[] first = [.. extra?.Leading ?? [], .. ProjectSql, .. extra?.Trailing ?? []];
        await using (var batch = await PreparedBatchAsync(connection, transaction, first, [tenantId, projectId], ct).ConfigureAwait(false))
        await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (extra is not null) await extra.ReadLeadingAsync(reader, ct).ConfigureAwait(false);
            meta = await ReadMetaAsync(reader, tenantId, ct).ConfigureAwait(false);
            present = await ReadPresentAsync(reader, ct).ConfigureAwait(false);
            projects = await ReadAsync(reader, ReadProject, ct).ConfigureAwait(false);
            deliveries = await ReadAsync(reader, ReadDelivery, ct).ConfigureAwait(false);
            quotes = await ReadAsync(reader, ReadQuote, ct).ConfigureAwait(false);
            retainage = await ReadAsync(reader, ReadHold, ct).ConfigureAwait(false);
            contracts = await ReadAsync(reader, ReadContract, ct).ConfigureAwait(false);
            involved.UnionWith(await ReadAsync(reader, r => r.GetString(0), ct).ConfigureAwait(false));
            invoices.AddRange(await ReadAsync(reader, r => ReadInvoice(r, pool), ct).ConfigureAwait(false));
            payments.AddRange(await ReadAsync(reader, r => ReadPayment(r, pool), ct).ConfigureAwait(false));
            applications.AddRange(await ReadAsync(reader, ReadApplication, ct).ConfigureAwait(false));
            if (extra is not null) await extra.ReadTrailingAsync(reader, ct).ConfigureAwait(false);
        }
        var project = projects.SingleOrDefault()
            ?? throw new LedgerNotFoundException(tenantId, projectId);
        involved.Add(project.ContractPayerId);
        if (project.CurrentPayerId is { } current) involved.Add(current);
        involved.UnionWith(quotes.Where(q => q.PayerId is not null).Select(q => q.PayerId!));
        involved.UnionWith(contracts.Select(c => c.PayerId));
        var history = (extra?.PaymentHistoryOf?.Invoke(project) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        object[] parameters = [tenantId, involved.Order(StringComparer.Ordinal).ToArray(), projectId, history];
        await using (var batch = await PreparedBatchAsync(connection, transaction, history.Length == 0 ? PayerSql : PayerWithHistorySql, parameters, ct).ConfigureAwait(false))
        await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            var payers = await ReadAsync(reader, ReadPayer, ct).ConfigureAwait(false);
            var links = await ReadAsync(reader, ReadEntityLink, ct).ConfigureAwait(false);
            invoices.AddRange(await ReadAsync(reader, r => ReadInvoice(r, pool), ct).ConfigureAwait(false));
            payments.AddRange(await ReadAsync(reader, r => ReadPayment(r, pool), ct).ConfigureAwait(false));
            invoices.AddRange(await ReadAsync(reader, r => ReadInvoice(r, pool), ct).ConfigureAwait(false));
            var promises = await ReadAsync(reader, ReadPromise, ct).ConfigureAwait(false);
            if (history.Length > 0)
            {
                payments.AddRange(await ReadAsync(reader, r => ReadPayment(r, pool), ct).ConfigureAwait(false));
                applications.AddRange(await ReadAsync(reader, ReadApplication, ct).ConfigureAwait(false));
            }
            return new LedgerSnapshot(
                meta, present, payers, links, projects, deliveries, quotes, invoices.Items, payments.Items,
                applications.Items, retainage, contracts, promises, []);
        }
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
