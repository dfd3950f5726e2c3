namespace Allometry.Core.Postgres.Imports.Staging;

using System.Collections.Concurrent;

/// <summary>
/// Overlaps reading with sending: a producer (reading a sheet, encoding its rows) runs on its own
/// thread and hands full chunks through a short bounded queue to the calling thread, which writes
/// them to the COPY stream. Reading thus goes on while a write waits for the server, and the
/// queue's depth bounds the memory in flight (<see cref="Depth"/> × <see cref="ChunkSize"/>).
/// Everything that reports issues runs on the producer's thread, in row order, as before.
/// </summary>
internal sealed class CopyPipe : ICopyChunkSink, IDisposable
{
    public const int ChunkSize = 128 * 1024;
    public const int Depth = 4;

    private readonly BlockingCollection<(byte[] Chunk, int Count)> _full = new(Depth);
    private readonly ConcurrentQueue<byte[]> _free = new();
    private readonly CancellationTokenSource _stop;

    public CopyPipe(CancellationToken ct) => _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

    public byte[] Rent() => _free.TryDequeue(out var chunk) ? chunk : new byte[ChunkSize];

    /// <summary>Called on the producer's thread; blocks while the queue is full, throws once the consumer has given up.</summary>
    public void Publish(byte[] chunk, int count) => _full.Add((chunk, count), _stop.Token);

    /// <summary>
    /// Runs <paramref name="produce"/> on a dedicated thread and writes what it publishes to
    /// <paramref name="destination"/> on this one until it returns; returns its result or rethrows
    /// its exception. When a write fails (or the import is cancelled) the producer is stopped at its
    /// next chunk and the write's exception is thrown.
    /// </summary>
    public T Run<T>(Func<T> produce, Stream destination)
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
                    _full.CompleteAdding();
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var (chunk, count) in _full.GetConsumingEnumerable(_stop.Token))
            {
                destination.Write(chunk, 0, count);
                _free.Enqueue(chunk);
            }
        }
        catch (Exception)
        {
            _stop.Cancel();
            // The producer now ends at its next chunk (with OperationCanceledException, or its own
            // error); the write's exception is the one that explains what happened.
            ((IAsyncResult)producer).AsyncWaitHandle.WaitOne();
            throw;
        }
        // GetResult rethrows the producer's exception itself, not wrapped.
        return producer.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _full.Dispose();
        _stop.Dispose();
    }
}
