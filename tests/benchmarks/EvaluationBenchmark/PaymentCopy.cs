namespace Allometry.Benchmarks.Evaluation;

using Allometry.Core.Ledger;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// Writes the payments and payment applications straight into their tables with binary COPY,
/// stamped with the import's id and as-of date, as <c>LedgerImporter</c>'s merge would leave them.
/// </summary>
/// <remarks>
/// Written when the importer's over-application checks grew quadratically with the rows staged
/// (17 k applications: ~30 s), since fixed: the whole 200,000-invoice ledger with its 168,607
/// applications now imports through <c>LedgerImporter</c> in ~11 s (ImportBenchmark's README).
/// Kept as the default so the evaluation's numbers stay comparable with earlier runs;
/// <c>--payments-via-importer</c> takes the product path.
/// </remarks>
internal static class PaymentCopy
{
    public static async Task CopyAsync(NpgsqlDataSource dataSource, string tenantId, long importId, DateOnly asOf,
        IReadOnlyList<Payment> payments, IReadOnlyList<PaymentApplication> applications)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY payments (tenant_id, payment_id, payer_id, received_on, amount, reference, method, import_id, as_of) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in payments)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(tenantId, NpgsqlDbType.Text);
                await copy.WriteAsync(p.PaymentId, NpgsqlDbType.Text);
                await copy.WriteAsync(p.PayerId, NpgsqlDbType.Text);
                await copy.WriteAsync(p.ReceivedOn, NpgsqlDbType.Date);
                await copy.WriteAsync(p.Amount, NpgsqlDbType.Numeric);
                await WriteTextAsync(copy, p.Reference);
                await WriteTextAsync(copy, p.Method);
                await copy.WriteAsync(importId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(asOf, NpgsqlDbType.Date);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY payment_applications (tenant_id, payment_id, invoice_id, amount, import_id, as_of) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in applications)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(tenantId, NpgsqlDbType.Text);
                await copy.WriteAsync(a.PaymentId, NpgsqlDbType.Text);
                await copy.WriteAsync(a.InvoiceId, NpgsqlDbType.Text);
                await copy.WriteAsync(a.Amount, NpgsqlDbType.Numeric);
                await copy.WriteAsync(importId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(asOf, NpgsqlDbType.Date);
            }
            await copy.CompleteAsync();
        }
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) await copy.WriteNullAsync();
        else await copy.WriteAsync(value, NpgsqlDbType.Text);
    }
}
