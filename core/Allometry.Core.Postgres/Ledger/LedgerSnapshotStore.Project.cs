namespace Allometry.Core.Postgres.Ledger;

using System.Data;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Npgsql;

// The slice of a ledger that one project's item-level rules look at, for incremental evaluation:
// the project with its deliveries, quotes, holds and contracts; every payer it involves (contract
// and current payer, payers of its invoices, quotes and contracts, payers of payments applied to
// its invoices) with their whole receivables: invoices, payments, applications and promises; and
// those payers' entity links with the payers at the other end. Two round trips, every statement
// on an index, whatever the size of the rest of the ledger.
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

    private static readonly string[] ProjectSql =
    [
        MetaSql, PresentSql, ProjectRowSql, ProjectDeliveriesSql, ProjectQuotesSql, ProjectRetainageSql, ProjectContractsSql, InvolvedPayersSql,
    ];

    // From here $2 is the involved payers, and their link neighbours come along as payers.
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

    // A GIN index does not serve "= ANY(array)": invoices are looked up payer by payer, each on the lookup index.
    private const string InvolvedInvoicesSql = $"""
        SELECT {InvoicesColumns}
        FROM unnest($2::text[]) AS involved(payer)
        CROSS JOIN LATERAL (SELECT {InvoicesColumns} FROM invoices WHERE tenant_id = $1 AND payer_id = involved.payer) AS i
        """;

    private const string InvolvedPaymentsSql = $"""
        SELECT {PaymentsColumns}
        FROM payments WHERE tenant_id = $1 AND payer_id = ANY($2)
        """;

    private const string InvolvedApplicationsSql = $"""
        SELECT {ApplicationsColumns}
        FROM payment_applications
        WHERE tenant_id = $1 AND payment_id IN (SELECT payment_id FROM payments WHERE tenant_id = $1 AND payer_id = ANY($2))
        """;

    private const string InvolvedPromisesSql = $"""
        SELECT {PromisesColumns}
        FROM (SELECT {PromisesColumns} FROM promises WHERE tenant_id = $1 AND payer_id = ANY($2)
              UNION
              SELECT {PromisesColumns} FROM chat_promises WHERE tenant_id = $1 AND payer_id = ANY($2)) p
        ORDER BY payer_id, invoice_id NULLS FIRST, promised_on
        """;

    private static readonly string[] PayerSql =
    [
        InvolvedPayerRowsSql, InvolvedLinksSql, InvolvedInvoicesSql, InvolvedPaymentsSql, InvolvedApplicationsSql, InvolvedPromisesSql,
    ];

    /// <summary>
    /// Loads the part of the tenant's ledger that rules about one project's items need: the
    /// project and its rows, and the whole receivables of every payer it involves. Payer- and
    /// group-wide figures (a payer's share of all AR, a linked group's exposure) are not complete
    /// in it: those belong to a full evaluation.
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
        string[] first = [.. extra?.Leading ?? [], .. ProjectSql, .. extra?.Trailing ?? []];
        await using (var batch = await PreparedBatchAsync(connection, transaction, first, tenantId, projectId, ct).ConfigureAwait(false))
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
            if (extra is not null) await extra.ReadTrailingAsync(reader, ct).ConfigureAwait(false);
        }
        var project = projects.SingleOrDefault()
            ?? throw new LedgerNotFoundException(tenantId, projectId);
        involved.Add(project.ContractPayerId);
        if (project.CurrentPayerId is { } current) involved.Add(current);
        involved.UnionWith(quotes.Where(q => q.PayerId is not null).Select(q => q.PayerId!));
        involved.UnionWith(contracts.Select(c => c.PayerId));

        var pool = new StringPool();
        await using (var batch = await PreparedBatchAsync(connection, transaction, PayerSql, tenantId, involved.Order(StringComparer.Ordinal).ToArray(), ct).ConfigureAwait(false))
        await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            var payers = await ReadAsync(reader, ReadPayer, ct).ConfigureAwait(false);
            var links = await ReadAsync(reader, ReadEntityLink, ct).ConfigureAwait(false);
            var invoices = await ReadAsync(reader, r => ReadInvoice(r, pool), ct).ConfigureAwait(false);
            var payments = await ReadAsync(reader, r => ReadPayment(r, pool), ct).ConfigureAwait(false);
            var applications = await ReadAsync(reader, ReadApplication, ct).ConfigureAwait(false);
            var promises = await ReadAsync(reader, ReadPromise, ct).ConfigureAwait(false);
            return new LedgerSnapshot(
                meta, present, payers, links, projects, deliveries, quotes, invoices, payments,
                applications, retainage, contracts, promises, []);
        }
    }

    // Prepared: planning these statements costs several times running them, and a prepared
    // statement stays on its pooled connection, so later evaluations of any project skip it.
    private static async Task<NpgsqlBatch> PreparedBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> statements, string tenantId, object second, CancellationToken ct)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            if (sql.Contains("$2", StringComparison.Ordinal)) command.Parameters.Add(new NpgsqlParameter { Value = second });
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
}
