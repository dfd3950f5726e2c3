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
        for (var round = 1; round <= 4; round++)
        {
            // Odd rounds encode on this thread; even rounds through CopyPipe, as the importer does
            // (a second thread, chunks written to a stream that discards them).
            var piped = round % 2 == 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var batch = new LedgerWorkbookSource().Read(folder, new LedgerReadOptions { Tenant = "bench" });
            using var digest = new ContentDigest();
            var sink = new NullSink();
            var row = new StagingRow(batch, digest);
            long rows = 0;
            foreach (var table in LedgerTables.All)
            {
                if (piped)
                {
                    using var pipe = new CopyPipe(CancellationToken.None);
                    var counting = new CountingStream();
                    rows += pipe.Run(() => Encode(batch, row, table, pipe), counting);
                    sink.Add(counting.Bytes);
                }
                else
                {
                    rows += Encode(batch, row, table, sink);
                }
            }
            batch.Issues.ThrowIfErrors();
            Console.WriteLine($"round {round} ({(piped ? "through CopyPipe" : "one thread")}): {rows:N0} rows read and encoded in {clock.Elapsed.TotalSeconds:0.00} s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s, {sink.Bytes / 1e6:0} MB of COPY data");
        }
    }

    private static long Encode(Allometry.Core.Imports.LedgerBatch batch, StagingRow row, LedgerTable table, ICopyChunkSink sink)
    {
        var encoder = new BinaryCopyEncoder(sink);
        encoder.Header();
        row.Attach(encoder, table.Columns.Count);
        var count = table.Stage(batch, row);
        encoder.Trailer();
        encoder.Flush();
        return count;
    }

    private sealed class NullSink : ICopyChunkSink
    {
        private readonly byte[] _chunk = new byte[128 * 1024];

        public long Bytes { get; private set; }

        public byte[] Rent() => _chunk;

        public void Publish(byte[] chunk, int count) => Bytes += count;

        public void Add(long bytes) => Bytes += bytes;
    }

    private sealed class CountingStream : Stream
    {
        public long Bytes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Bytes;

        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Bytes += count;
    }
}
