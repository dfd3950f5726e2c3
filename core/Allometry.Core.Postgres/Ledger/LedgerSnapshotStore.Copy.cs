namespace Allometry.Core.Postgres.Ledger;

using System.Data;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Npgsql;

// The big sheets of a whole-ledger load (invoices, payments, applications, holds) come by binary
// COPY, each on its own connection, while the small sheets are read on the first one: the client
// decodes one sheet while the server sends the next. Every connection reads the first one's
// exported snapshot (SET TRANSACTION SNAPSHOT), so the load stays one consistent view of the
// ledger, as one repeatable-read transaction would give. COPY rows are read synchronously inside
// their task: a million rows through the async per-row path cost more than the rows themselves.
public sealed partial class LedgerSnapshotStore
{
    private const string ExportSnapshotSql = "SELECT pg_export_snapshot()";

    private static string CopySql(string select) => $"COPY ({select}) TO STDOUT (FORMAT BINARY)";

    // Literal tenant ids: COPY takes no parameters. Ids are quoted as SQL literals (E'' is never
    // used and standard_conforming_strings is on since PostgreSQL 9.1), so a quote is doubled.
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private async Task<List<T>> CopyOnSnapshotAsync<T>(
        string snapshotId, string select, Func<NpgsqlBinaryExporter, StringPool, T> read, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        await UseSnapshotAsync(connection, transaction, snapshotId, ct).ConfigureAwait(false);
        var rows = await Task.Run(() => Copy(connection, select, read, ct), ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return rows;
    }

    /// <summary>
    /// Makes <paramref name="transaction"/> (repeatable read, nothing run in it yet) see the
    /// snapshot another open transaction exported with <c>pg_export_snapshot()</c>.
    /// </summary>
    internal static async Task UseSnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string snapshotId, CancellationToken ct)
    {
        await using var set = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT {Literal(snapshotId)}", connection, transaction);
        await set.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Exports the snapshot of <paramref name="transaction"/> (repeatable read) for other connections, while it stays open.</summary>
    internal static async Task<string> ExportSnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var export = new NpgsqlCommand(ExportSnapshotSql, connection, transaction);
        return (string)(await export.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private static List<T> Copy<T>(NpgsqlConnection connection, string select, Func<NpgsqlBinaryExporter, StringPool, T> read, CancellationToken ct)
    {
        var pool = new StringPool();
        var rows = new List<T>();
        using var exporter = connection.BeginBinaryExport(CopySql(select));
        using var cancel = ct.Register(() => exporter.Cancel());
        while (exporter.StartRow() != -1)
        {
            rows.Add(read(exporter, pool));
        }
        ct.ThrowIfCancellationRequested();
        return rows;
    }

    private static string? Text(NpgsqlBinaryExporter e)
    {
        if (e.IsNull)
        {
            e.Skip();
            return null;
        }
        return e.Read<string>();
    }

    private static string? Pooled(NpgsqlBinaryExporter e, StringPool pool) => Text(e) is { } text ? pool.Get(text) : null;

    private static DateOnly? Date(NpgsqlBinaryExporter e)
    {
        if (e.IsNull)
        {
            e.Skip();
            return null;
        }
        return e.Read<DateOnly>();
    }

    private static TEnum? Code<TEnum>(NpgsqlBinaryExporter e) where TEnum : struct, Enum => Text(e) is { } code ? Codes<TEnum>.Of(code) : null;

    private static string InvoicesCopy(string tenantId) => $"SELECT {InvoicesColumns} FROM invoices WHERE tenant_id = {Literal(tenantId)}";

    private static Invoice CopyInvoice(NpgsqlBinaryExporter e, StringPool pool) => new()
    {
        InvoiceId = e.Read<string>(),
        PayerId = pool.Get(e.Read<string>()),
        ProjectId = Pooled(e, pool),
        Kind = Codes<InvoiceKind>.Of(e.Read<string>()),
        IssueDate = e.Read<DateOnly>(),
        DueDate = e.Read<DateOnly>(),
        Subtotal = e.Read<decimal>(),
        Gst = e.Read<decimal>(),
        Hst = e.Read<decimal>(),
        Qst = e.Read<decimal>(),
        Pst = e.Read<decimal>(),
        Total = e.Read<decimal>(),
        Balance = e.Read<decimal>(),
        RetainageHeld = e.Read<decimal>(),
        TaxProvince = Code<Province>(e),
        RegistrationNumbers = Pooled(e, pool),
        Currency = pool.Get(e.Read<string>()),
        Status = Codes<InvoiceStatus>.Of(e.Read<string>()),
        Origin = Codes<InvoiceOrigin>.Of(e.Read<string>()),
    };

    private static string PaymentsCopy(string tenantId) => $"SELECT {PaymentsColumns} FROM payments WHERE tenant_id = {Literal(tenantId)}";

    private static Payment CopyPayment(NpgsqlBinaryExporter e, StringPool pool) => new()
    {
        PaymentId = e.Read<string>(),
        PayerId = pool.Get(e.Read<string>()),
        ReceivedOn = e.Read<DateOnly>(),
        Amount = e.Read<decimal>(),
        Reference = Text(e),
        Method = Pooled(e, pool),
    };

    private static string ApplicationsCopy(string tenantId) => $"SELECT {ApplicationsColumns} FROM payment_applications WHERE tenant_id = {Literal(tenantId)}";

    private static PaymentApplication CopyApplication(NpgsqlBinaryExporter e, StringPool pool) => new()
    {
        PaymentId = e.Read<string>(),
        InvoiceId = e.Read<string>(),
        Amount = e.Read<decimal>(),
    };

    private static string RetainageCopy(string tenantId) =>
        $"SELECT {RetainageColumns} FROM retainage_holds WHERE tenant_id = {Literal(tenantId)} ORDER BY project_id, invoice_id NULLS FIRST";

    private static RetainageHold CopyHold(NpgsqlBinaryExporter e, StringPool pool) => new()
    {
        ProjectId = pool.Get(e.Read<string>()),
        InvoiceId = Text(e),
        HeldAmount = e.Read<decimal>(),
        ReleaseDueOn = Date(e),
        ReleasedOn = Date(e),
        ReleaseInvoiceId = Text(e),
        CollectedOn = Date(e),
    };
}
