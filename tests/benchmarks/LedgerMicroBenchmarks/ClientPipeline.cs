namespace Allometry.Benchmarks.Micro;

using System.Diagnostics;
using Allometry.Adapters.Ledger.Workbook;
using Allometry.Core.Imports;
using Allometry.Core.Postgres.Imports.Staging;

/// <summary>
/// The importer's whole client side on a workbook folder, without a server: the workbook reader
/// and StagingRow encoding into chunks that go nowhere. Run once (not through BenchmarkDotNet):
/// <c>--client-pipeline &lt;folder&gt;</c>. What the import costs besides is the server's.
/// </summary>
internal static class ClientPipeline
{
    public static void Run(string folder)
    {
        for (var round = 1; round <= 3; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var batch = new LedgerWorkbookSource().Read(folder, new LedgerReadOptions { Tenant = "bench" });
            using var digest = new ContentDigest();
            var sink = new NullSink();
            var row = new StagingRow(batch, digest);
            long rows = 0;
            foreach (var table in LedgerTables.All)
            {
                var encoder = new BinaryCopyEncoder(sink);
                encoder.Header();
                row.Attach(encoder, table.Columns.Count);
                rows += table.Stage(batch, row);
                encoder.Trailer();
                encoder.Flush();
            }
            batch.Issues.ThrowIfErrors();
            Console.WriteLine($"round {round}: {rows:N0} rows read and encoded in {clock.Elapsed.TotalSeconds:0.00} s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s, {sink.Bytes / 1e6:0} MB of COPY data");
        }
    }

    private sealed class NullSink : ICopyChunkSink
    {
        private readonly byte[] _chunk = new byte[128 * 1024];

        public long Bytes { get; private set; }

        public byte[] Rent() => _chunk;

        public void Publish(byte[] chunk, int count) => Bytes += count;
    }
}
