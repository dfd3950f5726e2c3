namespace Allometry.Core.Postgres.Imports.Staging;

using System.Collections.Concurrent;
using System.Threading.Channels;

/// <summary>
/// Overlaps reading with sending: a producer (reading a sheet, encoding its rows) runs on its own
/// thread and publishes full chunks into a short bounded queue, while the caller's async loop writes
/// them to the COPY stream. Parsing thus goes on while the socket waits for the server, and the
/// queue's depth bounds the memory in flight (<see cref="Depth"/> × <see cref="ChunkSize"/>).
/// </summary>
internal sealed class CopyPipe : ICopyChunkSink, IDisposable
{
    public const int ChunkSize = 64 * 1024;
    public const int Depth = 8;

    private readonly Channel<(byte[] Chunk, int Count)> _full = Channel.CreateBounded<(byte[] Chunk, int Count)>(
        new BoundedChannelOptions(Depth) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly CancellationTokenSource _stop;

    public CopyPipe(CancellationToken ct) => _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

    public byte[] Rent() => _free.TryDequeue(out var chunk) ? chunk : new byte[ChunkSize];

    /// <summary>Called on the producer's thread; blocks while the queue is full.</summary>
    public void Publish(byte[] chunk, int count)
    {
        while (!_full.Writer.TryWrite((chunk, count)))
        {
            // A dedicated thread may block; false means the consumer is gone.
            if (!_full.Writer.WaitToWriteAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
            {
                throw new OperationCanceledException("The COPY stream was closed.");
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="produce"/> on a dedicated thread and writes what it publishes to
    /// <paramref name="destination"/> until it returns; returns its result or rethrows its exception.
    /// When writing fails (or the import is cancelled) the producer is stopped at its next chunk
    /// and the write's exception is thrown.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<T> produce, Stream destination)
    {
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    return produce();
                }
                finally
                {
                    _full.Writer.TryComplete();
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var (chunk, count) in _full.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await destination.WriteAsync(chunk.AsMemory(0, count), _stop.Token).ConfigureAwait(false);
                _free.Enqueue(chunk);
            }
        }
        catch (Exception)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            // The producer now ends with OperationCanceledException (or its own error); the write's
            // exception is the one that explains what happened.
            await producer.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }
        return await producer.ConfigureAwait(false);
    }

    public void Dispose() => _stop.Dispose();
}
