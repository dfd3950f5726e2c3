namespace Allometry.Core.Postgres.Imports;

using System.Globalization;
using Allometry.Core.Imports;
using Allometry.Core.Postgres.Imports.Staging;

public sealed partial class LedgerImporter
{
    private static int Limit(ImportSession db) => db.Batch.Issues.MaxErrors + 1;

    /// <summary>Duplicate ids first (merging would be meaningless), then references and over-applications.</summary>
    private static async Task CheckAsync(ImportSession db, InvoicePartition partition, Dictionary<LedgerTable, long> read)
    {
        if (read[LedgerTables.BankTransactions] > 0)
        {
            await db.ExecuteAsync(LedgerTables.DeriveBankTransactionIdsSql).ConfigureAwait(false);
        }
        foreach (var table in LedgerTables.All.Where(t => read[t] > 0 && db.Relations[t] == t.StagingTable))
        {
            // Temporary tables are never auto-analyzed; without statistics the checks' joins guess.
            await db.ExecuteAsync($"ANALYZE {table.StagingTable}").ConfigureAwait(false);
        }

        foreach (var table in LedgerTables.All.Where(t => read[t] > 0))
        {
            if (table == LedgerTables.Invoices && partition.IsNew && await partition.TryAddPrimaryKeyAsync(db).ConfigureAwait(false))
            {
                continue;
            }
            await ReportDuplicatesAsync(db, table).ConfigureAwait(false);
        }
        if (db.Batch.Issues.HasErrors) return;

        foreach (var table in LedgerTables.All.Where(t => read[t] > 0))
        {
            foreach (var reference in table.References)
            {
                await ReportUnknownReferencesAsync(db, table, reference).ConfigureAwait(false);
            }
        }
        // Applications can only end up over a limit if this import brings applications or changes
        // a payment amount or invoice total that stored applications count against. A tenant's
        // first invoices (new partition) have no stored applications.
        var apps = read[LedgerTables.PaymentApplications] > 0;
        await ReportOverAppliedAsync(
            db,
            payments: apps || read[LedgerTables.Payments] > 0,
            invoices: apps || (read[LedgerTables.Invoices] > 0 && !partition.IsNew)).ConfigureAwait(false);
    }

    private static async Task ReportDuplicatesAsync(ImportSession db, LedgerTable table)
    {
        var rows = await db.QueryAsync<DuplicateRow>(table.DuplicatesSql(db.Relations[table]), new { limit = Limit(db) }).ConfigureAwait(false);
        foreach (var r in rows)
        {
            db.Batch.Issues.Add(ImportIssue.Error(
                ImportIssueCode.DuplicateId, db.Locate(r.SrcIndex, r.SrcRow, table.Key[0]), r.Value,
                r.OtherRow.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static async Task ReportUnknownReferencesAsync(ImportSession db, LedgerTable table, Reference reference)
    {
        var target = LedgerTables.BySheet(reference.TargetSheet);
        // A sheet the batch did not have is staged empty, so the reference resolves to stored rows only.
        var targetRelation = db.Relations.GetValueOrDefault(target) ?? target.StagingTable;
        var sql = table.UnknownReferenceSql(db.Relations[table], reference, target, targetRelation);
        var rows = await db.QueryAsync<ReferenceRow>(sql, new { tenant = db.TenantId, limit = Limit(db) }).ConfigureAwait(false);
        foreach (var r in rows)
        {
            db.Batch.Issues.Add(ImportIssue.Error(
                ImportIssueCode.UnknownReference, db.Locate(r.SrcIndex, r.SrcRow, reference.Column), r.Value, target.Noun));
        }
    }

    private static async Task ReportOverAppliedAsync(ImportSession db, bool payments, bool invoices)
    {
        if (!payments && !invoices) return;
        var apps = db.Relations[LedgerTables.PaymentApplications];
        var parameters = new { tenant = db.TenantId, limit = Limit(db) };

        var paymentRows = payments ? await db.QueryAsync<OverAppliedRow>(PaymentOverAppliedSql(apps, db.Relations[LedgerTables.Payments]), parameters).ConfigureAwait(false) : [];
        foreach (var r in paymentRows)
        {
            // The application's amount, or the payment's own amount when no application of this import tipped it.
            db.Batch.Issues.Add(ImportIssue.Error(
                ImportIssueCode.PaymentOverApplied, db.Locate(r.SrcIndex, r.SrcRow, "amount"), r.Value,
                r.Id, Format(r.Applied), Format(r.Limit)));
        }
        var invoiceRows = invoices ? await db.QueryAsync<OverAppliedRow>(InvoiceOverAppliedSql(apps, db.Relations[LedgerTables.Invoices]), parameters).ConfigureAwait(false) : [];
        foreach (var r in invoiceRows)
        {
            var column = r.AtTarget ? "total" : "amount";
            db.Batch.Issues.Add(ImportIssue.Error(
                ImportIssueCode.InvoiceOverApplied, db.Locate(r.SrcIndex, r.SrcRow, column), r.Value,
                r.Id, Format(r.Applied), Format(r.Limit)));
        }
    }

    private static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Applications of each payment as they will be after the merge (this import's, plus stored
    /// ones it does not restate) against the payment's amount (this import's, else the stored one).
    /// The issue points at the application that pushes the running total over the amount, or at
    /// the payment itself when its new amount is below what is already applied.
    /// </summary>
    private static string PaymentOverAppliedSql(string apps, string payments) => OverAppliedSql(apps, payments, "payment_id", "payments", "amount", "payment_applications");

    /// <summary>The same for invoices: applications to an invoice never exceed its total (credit notes, with a negative total, are not checked).</summary>
    private static string InvoiceOverAppliedSql(string apps, string invoices) => OverAppliedSql(apps, invoices, "invoice_id", "invoices", "total", "payment_applications");

    private static string OverAppliedSql(string apps, string targets, string key, string targetTable, string limitColumn, string appTable) => $"""
        WITH kept AS (
            SELECT a.{key}, sum(a.amount) AS amount
            FROM {appTable} a
            WHERE a.tenant_id = @tenant
              AND (a.{key} IN (SELECT {key} FROM {apps}) OR a.{key} IN (SELECT {key} FROM {targets}))
              AND NOT EXISTS (SELECT 1 FROM {apps} b WHERE b.payment_id = a.payment_id AND b.invoice_id = a.invoice_id)
            GROUP BY a.{key}
        ), batch_sums AS (
            SELECT b.{key}, sum(b.amount) AS amount FROM {apps} b GROUP BY b.{key}
        ), target AS (
            -- A target no application of this import names can only be over its limit through
            -- stored applications it keeps, which kept holds for every restated target; a stored,
            -- unrestated one is read only when this import applies to it.
            SELECT s.{key}, s.{limitColumn} AS limit_amount, s.src_index, s.src_row
            FROM {targets} s
            UNION ALL
            SELECT t.{key}, t.{limitColumn}, NULL, NULL
            FROM {targetTable} t
            WHERE t.tenant_id = @tenant AND t.{key} IN (SELECT {key} FROM batch_sums)
              AND NOT EXISTS (SELECT 1 FROM {targets} s WHERE s.{key} = t.{key})
        ), running AS (
            SELECT b.{key}, b.src_index, b.src_row, b.amount,
                   coalesce(k.amount, 0) + sum(b.amount) OVER (PARTITION BY b.{key} ORDER BY b.src_index, b.src_row) AS applied
            FROM {apps} b LEFT JOIN kept k USING ({key})
        ), over_limit AS (
            -- Sums joined once (hash joins), never a correlated subquery per target: a ledger
            -- with 840,000 applications made that quadratic.
            SELECT t.{key}, t.limit_amount, t.src_index, t.src_row,
                   coalesce(k.amount, 0) + coalesce(bs.amount, 0) AS applied
            FROM target t
            LEFT JOIN kept k ON k.{key} = t.{key}
            LEFT JOIN batch_sums bs ON bs.{key} = t.{key}
            WHERE t.limit_amount >= 0
              AND coalesce(k.amount, 0) + coalesce(bs.amount, 0) > t.limit_amount
        ), first_over AS (
            -- Only for the (few) targets over their limit: the application that crossed it.
            SELECT DISTINCT ON (x.{key}) x.{key}, x.src_index, x.src_row, x.amount
            FROM running x JOIN over_limit o ON o.{key} = x.{key}
            WHERE x.applied > o.limit_amount
            ORDER BY x.{key}, x.src_index, x.src_row
        )
        SELECT o.{key}::text AS Id, o.applied AS Applied, o.limit_amount AS Limit,
               coalesce(r.src_index, o.src_index) AS SrcIndex, coalesce(r.src_row, o.src_row) AS SrcRow,
               coalesce(r.amount, o.limit_amount)::text AS Value, r.src_row IS NULL AS AtTarget
        FROM over_limit o
        LEFT JOIN first_over r ON r.{key} = o.{key}
        ORDER BY 4, 5
        LIMIT @limit
        """;

    private sealed record DuplicateRow(int SrcIndex, int SrcRow, string Value, int OtherRow);

    private sealed record ReferenceRow(int SrcIndex, int SrcRow, string Value);

    private sealed record OverAppliedRow(string Id, decimal Applied, decimal Limit, int? SrcIndex, int? SrcRow, string Value, bool AtTarget);
}
