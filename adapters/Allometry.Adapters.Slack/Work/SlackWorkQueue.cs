namespace Allometry.Adapters.Slack.Work;

using System.Threading.Channels;
using Allometry.Adapters.Slack.Configuration;

/// <summary>
/// The work done after Slack has its acknowledgement: a bounded queue drained by <see cref="SlackWorker"/>.
/// Full means the bot is far behind; the request is refused (503) rather than acknowledged and dropped.
/// </summary>
internal sealed class SlackWorkQueue(SlackOptions options)
{
    private readonly Channel<SlackWorkItem> _channel = Channel.CreateBounded<SlackWorkItem>(
        new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    public bool TryEnqueue(string kind, Func<CancellationToken, Task> work) => _channel.Writer.TryWrite(new SlackWorkItem(kind, work));

    public ChannelReader<SlackWorkItem> Reader => _channel.Reader;
}
