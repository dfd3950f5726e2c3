namespace Allometry.Benchmarks.Micro;

using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Postgres.Imports.Staging;
using BenchmarkDotNet.Attributes;

/// <summary>
/// The importer's client-side cost per sheet: 10,000 invoices written through StagingRow
/// (checks, content digest, binary COPY encoding) into chunks that go nowhere.
/// </summary>
public class StagingBenchmarks
{
    private const int Rows = 10_000;
    private Invoice[] _invoices = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _invoices = [.. Enumerable.Range(1, Rows).Select(i =>
        {
            var subtotal = random.Next(5_000, 5_000_000) / 100m;
            var gst = decimal.Round(subtotal * 0.05m, 2);
            var qst = decimal.Round(subtotal * 0.09975m, 2);
            return new Invoice
            {
                InvoiceId = $"INV-{i:D8}", PayerId = $"P-{i % 5000:D6}", Kind = InvoiceKind.Progress,
                IssueDate = new DateOnly(2025, 3, 14), DueDate = new DateOnly(2025, 4, 13),
                Subtotal = subtotal, Gst = gst, Qst = qst, Total = subtotal + gst + qst, Balance = subtotal + gst + qst,
                RetainageHeld = decimal.Round(subtotal * 0.1m, 2), TaxProvince = Province.QC,
                RegistrationNumbers = "TPS 123456789RT0001; TVQ 1234567890TQ0001", Currency = "CAD", Status = InvoiceStatus.Open,
                Origin = InvoiceOrigin.Workbook, Source = new RowRef(1, i + 1),
            };
        })];
    }

    [Benchmark(Description = "StagingRow + BinaryCopyEncoder, 10k invoices")]
    public int Encode()
    {
        var batch = new LedgerBatch { Meta = new LedgerMeta { AsOf = new DateOnly(2026, 3, 31) }, Invoices = _invoices };
        using var digest = new ContentDigest();
        var sink = new NullSink();
        var encoder = new BinaryCopyEncoder(sink);
        var row = new StagingRow(batch, digest);
        encoder.Header();
        row.Attach(encoder, LedgerTables.Invoices.Columns.Count);
        LedgerTables.Invoices.Stage(batch, row);
        encoder.Trailer();
        encoder.Flush();
        return sink.Bytes + digest.Finish().Length;
    }

    private sealed class NullSink : ICopyChunkSink
    {
        private readonly byte[] _chunk = new byte[64 * 1024];

        public int Bytes { get; private set; }

        public byte[] Rent() => _chunk;

        public void Publish(byte[] chunk, int count) => Bytes += count;
    }
}
