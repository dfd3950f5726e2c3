namespace Allometry.Core.Postgres.Imports;

using System.Text.Json;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Imports.Staging;
using Dapper;
using Npgsql;

/// <summary>
/// Writes a <see cref="LedgerBatch"/> into a tenant's ledger, all or nothing. Each sheet streams
/// through binary COPY into a staging table (never held in memory); SQL then checks the batch as a
/// whole (duplicate ids, unknown references, over-applied payments and invoices) and reports every
/// problem at its file, sheet, row and column; set-based merges insert new rows, update changed
/// ones (keeping their previous version in <c>ledger_history</c>) and leave identical rows alone,
/// so importing the same ledger twice changes nothing. Rows missing from a later import stay.
/// </summary>
/// <remarks>
/// A tenant's first invoices skip staging: they stream into a new partition of <c>invoices</c>
/// that gets its indexes in bulk and is attached once checked (see <see cref="InvoicePartition"/>).
/// Imports of one tenant take turns (a transaction-scoped advisory lock); imports of different
/// tenants run side by side.
/// </remarks>
public sealed partial class LedgerImporter
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>An importer over the application's one <see cref="NpgsqlDataSource"/>.</summary>
    public LedgerImporter(NpgsqlDataSource dataSource) =>
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <summary>Imports the batch for the tenant in one transaction.</summary>
    /// <param name="tenantId">The tenant (created on its first import).</param>
    /// <param name="batch">The records; each sheet's sequence is enumerated once, in <see cref="LedgerSheets.All"/> order.</param>
    /// <param name="ct">Cancels the import; nothing is written.</param>
    /// <exception cref="LedgerImportException">
    /// The batch had errors (the reader's or the integrity checks'): nothing was written; every
    /// issue found (up to <see cref="ImportIssueCollector.MaxErrors"/>) is in <see cref="LedgerImportException.Issues"/>.
    /// </exception>
    public async Task<ImportResult> ImportAsync(string tenantId, LedgerBatch batch, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(batch);

        await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var db = new ImportSession(connection, transaction, tenantId, batch, ct);

        await db.ExecuteAsync(PrepareSql, new { lockKey = "allometry.import:" + tenantId }).ConfigureAwait(false);
        var tenantNo = await UpsertTenantAsync(db).ConfigureAwait(false);
        db.ImportId = await db.ScalarAsync<long>(StartJournalSql, new
        {
            tenant = tenantId,
            asOf = batch.Meta.AsOf,
            sources = batch.Sources.Select(s => $"{s.File}#{s.Sheet}").ToArray(),
        }).ConfigureAwait(false);

        var partition = await InvoicePartition.FindAsync(db, tenantNo).ConfigureAwait(false);
        var read = await StageAsync(db, partition).ConfigureAwait(false);
        batch.Issues.ThrowIfErrors();

        await CheckAsync(db, partition, read).ConfigureAwait(false);
        batch.Issues.ThrowIfErrors();

        var sheets = await MergeAsync(db, partition, read).ConfigureAwait(false);
        await db.ExecuteAsync(FinishJournalSql, new
        {
            import = db.ImportId,
            counts = JsonSerializer.Serialize(sheets.ToDictionary(
                s => s.Sheet,
                s => new Dictionary<string, long> { ["read"] = s.Read, ["inserted"] = s.Inserted, ["updated"] = s.Updated, ["unchanged"] = s.Unchanged })),
            sha = db.Digest,
        }).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);

        return new ImportResult
        {
            ImportId = db.ImportId,
            TenantId = tenantId,
            AsOf = batch.Meta.AsOf,
            Sheets = sheets,
            Warnings = [.. batch.Issues.Issues.Where(i => i.Severity == ImportSeverity.Warning)],
            ContentSha256 = db.Digest!,
        };
    }

    // Hash aggregates over a million staged ids need more than the 4 MB default to stay in memory.
    // The import's statements each run once over their rows: compiling them with JIT costs more
    // than it saves.
    private const string PrepareSql = """
        SET LOCAL work_mem = '256MB';
        SET LOCAL maintenance_work_mem = '256MB';
        SET LOCAL jit = off;
        SELECT pg_advisory_xact_lock(hashtextextended(@lockKey, 0));
        """;

    private const string UpsertTenantSql = """
        INSERT INTO tenants AS t (tenant_id, name, currency, seller_province, seller_gst_hst_number, seller_qst_number, seller_pst_registrations, language)
        VALUES (@tenant, @name, @currency, @province, @gstHst, @qst, @pst::province[], @language)
        ON CONFLICT (tenant_id) DO UPDATE SET
            name = excluded.name, currency = excluded.currency, seller_province = excluded.seller_province,
            seller_gst_hst_number = excluded.seller_gst_hst_number, seller_qst_number = excluded.seller_qst_number,
            seller_pst_registrations = excluded.seller_pst_registrations, language = excluded.language, updated_at = now()
        WHERE (t.name, t.currency, t.seller_province, t.seller_gst_hst_number, t.seller_qst_number, t.seller_pst_registrations, t.language)
              IS DISTINCT FROM
              (excluded.name, excluded.currency, excluded.seller_province, excluded.seller_gst_hst_number, excluded.seller_qst_number, excluded.seller_pst_registrations, excluded.language);
        SELECT tenant_no FROM tenants WHERE tenant_id = @tenant;
        """;

    private const string StartJournalSql = """
        INSERT INTO imports (tenant_id, as_of, sources) VALUES (@tenant, @asOf, @sources) RETURNING import_id
        """;

    private const string FinishJournalSql = """
        UPDATE imports SET finished_at = clock_timestamp(), counts = @counts::jsonb, content_sha256 = @sha
        WHERE import_id = @import
        """;

    private static Task<int> UpsertTenantAsync(ImportSession db)
    {
        var meta = db.Batch.Meta;
        return db.ScalarAsync<int>(UpsertTenantSql, new
        {
            tenant = db.TenantId,
            name = string.IsNullOrWhiteSpace(meta.Tenant) ? db.TenantId : meta.Tenant.Trim(),
            currency = meta.Currency,
            province = meta.SellerProvince is { } p ? LedgerVocabulary.ToCode(p) : null,
            gstHst = meta.SellerGstHstNumber,
            qst = meta.SellerQstNumber,
            pst = meta.SellerPstRegistrations.Select(LedgerVocabulary.ToCode).ToArray(),
            language = LedgerVocabulary.ToCode<Language>(meta.Language),
        });
    }

    /// <summary>Streams every sheet, in contract order, into its staging relation; returns rows read per sheet.</summary>
    private static async Task<Dictionary<LedgerTable, long>> StageAsync(ImportSession db, InvoicePartition partition)
    {
        var read = new Dictionary<LedgerTable, long>();
        using var digest = new ContentDigest();
        var row = new StagingRow(db.Batch, digest);
        foreach (var table in LedgerTables.All)
        {
            db.Ct.ThrowIfCancellationRequested();
            digest.Sheet(table.Sheet);
            if (!row.Sending)
            {
                // An error was found: read on to report the rest, but the transaction is already
                // doomed and the COPY was abandoned, so nothing more goes to the server.
                read[table] = table.Stage(db.Batch, row);
                continue;
            }
            var relation = table == LedgerTables.Invoices && partition.IsNew
                ? await partition.CreateAsync(db).ConfigureAwait(false)
                : await CreateStagingAsync(db, table).ConfigureAwait(false);
            db.Relations[table] = relation;
            read[table] = await CopyAsync(db, table, relation, row).ConfigureAwait(false);
        }
        db.Digest = digest.Finish();
        return read;
    }

    /// <summary>
    /// Streams one sheet into <paramref name="relation"/> with a raw binary COPY: the sheet is read
    /// and encoded on a second thread (see <see cref="CopyPipe"/>) while this one writes the chunks.
    /// When the reading finds an error the COPY is cancelled (the transaction is doomed anyway) and
    /// the rest of the sheet is still read, to report every problem.
    /// </summary>
    private static async Task<long> CopyAsync(ImportSession db, LedgerTable table, string relation, StagingRow row)
    {
        var copy = await db.Connection.BeginRawBinaryCopyAsync(table.CopySql(relation), db.Ct).ConfigureAwait(false);
        var completed = false;
        try
        {
            long rows;
            using (var pipe = new CopyPipe(db.Ct))
            {
                // Synchronous writes, like the reading they overlap with: the earlier importer
                // blocked on its COPY the same way, and awaiting each chunk only adds thread hops.
                rows = pipe.Run(() =>
                {
                    var encoder = new BinaryCopyEncoder(pipe);
                    encoder.Header();
                    row.Attach(encoder, table.Columns.Count);
                    var count = table.Stage(db.Batch, row);
                    if (row.Sending)
                    {
                        encoder.Trailer();
                        encoder.Flush();
                    }
                    return count;
                }, copy);
            }
            if (row.Sending)
            {
                // Disposing a raw COPY stream completes it: the server checks and commits the rows.
                completed = true;
                await copy.DisposeAsync().ConfigureAwait(false);
            }
            return rows;
        }
        finally
        {
            if (!completed)
            {
                await CancelAsync(copy).ConfigureAwait(false);
            }
        }
    }

    // Sends CopyFail: the server drops what it received and the transaction is aborted, as intended.
    private static async Task CancelAsync(NpgsqlRawCopyStream copy)
    {
        try
        {
            await copy.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or ObjectDisposedException or IOException)
        {
            // The COPY already failed (a broken connection, a server error): the exception on its
            // way out explains the import's failure; this one would only hide it.
        }
        finally
        {
            await copy.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<string> CreateStagingAsync(ImportSession db, LedgerTable table)
    {
        await db.ExecuteAsync(table.CreateStagingSql).ConfigureAwait(false);
        return table.StagingTable;
    }

    private static async Task<IReadOnlyList<SheetImportCounts>> MergeAsync(ImportSession db, InvoicePartition partition, Dictionary<LedgerTable, long> read)
    {
        var sheets = new List<SheetImportCounts>();
        // A first import's facts are built once, after its last merge.
        var facts = partition.IsNew ? await FirstImportFacts.DeferAsync(db).ConfigureAwait(false) : null;
        var parameters = new { tenant = db.TenantId, import = db.ImportId, asOf = db.Batch.Meta.AsOf };
        foreach (var table in LedgerTables.All)
        {
            var rows = read[table];
            if (table == LedgerTables.Invoices && partition.IsNew)
            {
                // Attached even when empty: a partition left detached would make the tenant's
                // next import (not new any more) merge into a parent with no partition for it.
                await partition.AttachAsync(db).ConfigureAwait(false);
                if (rows > 0) sheets.Add(new SheetImportCounts(table.Sheet, rows, rows, 0));
                continue;
            }
            if (rows == 0) continue;
            if (table == LedgerTables.Payments && facts is { DefersApplications: true })
            {
                var inserted = await db.ExecuteAsync(FirstImportFacts.PaymentsSql(db), parameters).ConfigureAwait(false);
                sheets.Add(new SheetImportCounts(table.Sheet, rows, inserted, 0));
                continue;
            }
            var merged = await db.QuerySingleAsync<MergeCounts>(table.MergeSql(db.Relations[table]), parameters).ConfigureAwait(false);
            sheets.Add(new SheetImportCounts(table.Sheet, rows, merged.Inserted, merged.Updated));
        }
        if (facts is not null) await facts.RebuildAsync(db).ConfigureAwait(false);
        return sheets;
    }

    private sealed record MergeCounts(long Inserted, long Updated);
}
