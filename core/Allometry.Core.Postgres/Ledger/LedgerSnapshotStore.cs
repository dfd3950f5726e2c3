namespace Allometry.Core.Postgres.Ledger;

using System.Data;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Npgsql;

/// <summary>
/// Reads a tenant's whole ledger back into the core records, for the rule engine. One round trip:
/// every sheet is one statement of a batch, read in a repeatable-read, read-only transaction so an
/// import committing meanwhile is seen entirely or not at all.
/// </summary>
/// <remarks>
/// Built for a million invoices: rows are read positionally with typed getters (no mapper, no
/// per-row reflection), contract codes are looked up in a per-enum table instead of being parsed,
/// and the ids an invoice repeats (payer, project, currency) share one string per distinct value.
/// Records carry <see cref="RowRef.None"/>: where a row was read is the import's business. Small
/// sheets come ordered by their key; invoices, payments, applications and bank lines come in
/// storage order (sorting a million rows costs more than any rule gains from it).
/// </remarks>
public sealed partial class LedgerSnapshotStore(NpgsqlDataSource dataSource)
{
    private const string MetaSql = """
        SELECT t.name, t.currency::text, t.seller_province::text, t.seller_gst_hst_number, t.seller_qst_number,
               t.seller_pst_registrations::text[], t.language::text,
               (SELECT i.as_of FROM imports i
                WHERE i.tenant_id = t.tenant_id AND i.finished_at IS NOT NULL
                ORDER BY i.import_id DESC LIMIT 1)
        FROM tenants t
        WHERE t.tenant_id = $1
        """;

    /// <summary>Loads the tenant's ledger as of its latest import.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>
    /// The snapshot. <see cref="LedgerSnapshot.Meta"/> comes from the tenant row and the latest
    /// import's as-of date; <see cref="LedgerSnapshot.PresentSheets"/> holds meta, payers, invoices
    /// and every other sheet of which the tenant has at least one row.
    /// </returns>
    /// <exception cref="LedgerNotFoundException">The tenant has no imported ledger.</exception>
    public async Task<LedgerSnapshot> LoadAsync(string tenantId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        var snapshotId = await ExportSnapshotAsync(connection, transaction, ct).ConfigureAwait(false);
        // The exported snapshot lives as long as this transaction: it commits after every copy has started and finished.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var invoicesTask = CopyOnSnapshotAsync(snapshotId, InvoicesCopy(tenantId), CopyInvoice, failed.Token);
        var paymentsTask = CopyOnSnapshotAsync(snapshotId, PaymentsCopy(tenantId), CopyPayment, failed.Token);
        var applicationsTask = CopyOnSnapshotAsync(snapshotId, ApplicationsCopy(tenantId), CopyApplication, failed.Token);

        LedgerMeta meta;
        List<Payer> payers;
        List<EntityLink> links;
        List<Project> projects;
        List<Delivery> deliveries;
        List<Quote> quotes;
        List<RetainageHold> retainage;
        List<ServiceContract> contracts;
        List<PaymentPromise> promises;
        List<BankTransaction> bank;
        List<Invoice> invoices;
        List<Payment> payments;
        List<PaymentApplication> applications;
        try
        {
            await using (var batch = new NpgsqlBatch(connection, transaction))
            {
                foreach (var sql in (string[])[MetaSql, .. SmallSheetSql]) Add(batch, sql, tenantId);
                await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
                meta = await ReadMetaAsync(reader, tenantId, ct).ConfigureAwait(false);
                payers = await ReadAsync(reader, ReadPayer, ct).ConfigureAwait(false);
                links = await ReadAsync(reader, ReadEntityLink, ct).ConfigureAwait(false);
                projects = await ReadAsync(reader, ReadProject, ct).ConfigureAwait(false);
                deliveries = await ReadAsync(reader, ReadDelivery, ct).ConfigureAwait(false);
                quotes = await ReadAsync(reader, ReadQuote, ct).ConfigureAwait(false);
                contracts = await ReadAsync(reader, ReadContract, ct).ConfigureAwait(false);
                promises = await ReadAsync(reader, ReadPromise, ct).ConfigureAwait(false);
                bank = await ReadAsync(reader, ReadBankTransaction, ct).ConfigureAwait(false);
            }
            retainage = await Task.Run(() => Copy(connection, RetainageCopy(tenantId), CopyHold, ct), ct).ConfigureAwait(false);
            invoices = await invoicesTask.ConfigureAwait(false);
            payments = await paymentsTask.ConfigureAwait(false);
            applications = await applicationsTask.ConfigureAwait(false);
        }
        catch
        {
            // A missing ledger or a failed copy stops the others before the snapshot goes away.
            await failed.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(invoicesTask, paymentsTask, applicationsTask).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);

        var present = new HashSet<string>(StringComparer.Ordinal) { LedgerSheets.Meta, LedgerSheets.Payers, LedgerSheets.Invoices };
        void Mark(string sheet, int count)
        {
            if (count > 0) present.Add(sheet);
        }
        Mark(LedgerSheets.EntityLinks, links.Count);
        Mark(LedgerSheets.Projects, projects.Count);
        Mark(LedgerSheets.Deliveries, deliveries.Count);
        Mark(LedgerSheets.Quotes, quotes.Count);
        Mark(LedgerSheets.Payments, payments.Count);
        Mark(LedgerSheets.PaymentApplications, applications.Count);
        Mark(LedgerSheets.Retainage, retainage.Count);
        Mark(LedgerSheets.ServiceContracts, contracts.Count);
        Mark(LedgerSheets.Promises, promises.Count);
        Mark(LedgerSheets.BankTransactions, bank.Count);

        return new LedgerSnapshot(
            meta, present, payers, links, projects, deliveries, quotes, invoices, payments,
            applications, retainage, contracts, promises, bank);
    }

    private static async Task<LedgerMeta> ReadMetaAsync(NpgsqlDataReader r, string tenantId, CancellationToken ct)
    {
        if (!await r.ReadAsync(ct).ConfigureAwait(false) || r.IsDBNull(7))
        {
            throw new LedgerNotFoundException(tenantId);
        }
        var meta = new LedgerMeta
        {
            Tenant = r.GetString(0),
            Currency = r.GetString(1),
            SellerProvince = Code<Province>(r, 2),
            SellerGstHstNumber = Text(r, 3),
            SellerQstNumber = Text(r, 4),
            SellerPstRegistrations = [.. r.GetFieldValue<string[]>(5).Select(Codes<Province>.Of)],
            Language = Codes<Language>.Of(r.GetString(6)),
            AsOf = r.GetFieldValue<DateOnly>(7),
        };
        await r.NextResultAsync(ct).ConfigureAwait(false);
        return meta;
    }

    // One statement of a batch, with its positional parameters ($1 … $n).
    private static void Add(NpgsqlBatch batch, string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        batch.BatchCommands.Add(command);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataReader r, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        var rows = new List<T>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(read(r));
        }
        await r.NextResultAsync(ct).ConfigureAwait(false);
        return rows;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string? Pooled(NpgsqlDataReader r, int i, StringPool pool) => r.IsDBNull(i) ? null : pool.Get(r.GetString(i));

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    private static decimal? Money(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);

    private static int? Integer(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static bool? Boolean(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);

    private static TEnum? Code<TEnum>(NpgsqlDataReader r, int i) where TEnum : struct, Enum =>
        r.IsDBNull(i) ? null : Codes<TEnum>.Of(r.GetString(i));

    /// <summary>The database holds canonical codes only: a table lookup, not <see cref="LedgerVocabulary.Parse{TEnum}"/>'s normalizing, per row.</summary>
    private static class Codes<TEnum> where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> ByCode =
            LedgerVocabulary.AllCodes<TEnum>().ToDictionary(c => c, LedgerVocabulary.Parse<TEnum>, StringComparer.Ordinal);

        public static TEnum Of(string code) => ByCode.TryGetValue(code, out var value) ? value : LedgerVocabulary.Parse<TEnum>(code);
    }

    /// <summary>One string instance per distinct id, so a million invoices do not hold a million copies of forty payer ids.</summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        public string Get(string value)
        {
            if (_strings.TryGetValue(value, out var pooled)) return pooled;
            _strings.Add(value, value);
            return value;
        }
    }
}
