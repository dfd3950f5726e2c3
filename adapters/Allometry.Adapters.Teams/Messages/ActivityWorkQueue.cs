namespace Allometry.Adapters.Teams.Messages;

using System.Threading.Channels;

/// <summary>
/// Work to do after an activity was acknowledged (answer a question, post follow-up cards). Bounded, so a
/// flood is refused with 503 at the door instead of growing memory; drained by <see cref="ActivityWorker"/>.
/// </summary>
internal sealed class ActivityWorkQueue
{
    public const int Capacity = 1024;

    private readonly Channel<Func<CancellationToken, Task>> _channel =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<Func<CancellationToken, Task>> Reader => _channel.Reader;

    /// <summary>False when the queue is full or closed; the caller answers 503.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task> work) => _channel.Writer.TryWrite(work);

    public void Complete() => _channel.Writer.TryComplete();
}
