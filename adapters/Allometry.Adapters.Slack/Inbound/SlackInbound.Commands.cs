namespace Allometry.Adapters.Slack.Inbound;

using Allometry.Adapters.Slack.Replies;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.People;

/// <summary>
/// The slash command: <c>/allometry owed &lt;project&gt;</c>, <c>queue</c>, <c>summary</c>,
/// <c>subscribe morning 07:30</c>, <c>unsubscribe</c>, <c>link</c>, <c>help</c> (and the French words the
/// conversation understands). The text goes to the conversation as typed; the answer is ephemeral
/// unless the person adds <c>share</c> / <c>partager</c>.
/// </summary>
internal sealed partial class SlackInbound
{
    private static readonly HashSet<string> ShareWords = new(StringComparer.OrdinalIgnoreCase) { "share", "--share", "partager", "--partager" };

    public SlackAck OnCommand(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string? Field(string key) => fields.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        if (Field("command") != SlackSurface.SlashCommand)
        {
            return SlackAck.BadRequest("command_unknown");
        }
        var teamId = Field("team_id");
        var userId = Field("user_id");
        var channel = Field("channel_id");
        if (teamId is null || userId is null || channel is null)
        {
            return SlackAck.BadRequest("command_incomplete");
        }
        var words = (Field("text") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var share = words.Any(ShareWords.Contains);
        var text = string.Join(' ', words.Where(w => !ShareWords.Contains(w)));
        var isDirect = channel.StartsWith('D') || Field("channel_name") == "directmessage";
        var message = new InboundMessage
        {
            From = new PlatformIdentity(Platform.Slack, teamId, userId),
            Conversation = new ChannelAddress(Platform.Slack, teamId, channel),
            Text = text.Length == 0 ? "help" : text,
            DisplayName = Field("user_name"),
            IsPersonal = isDirect,
        };
        var target = new SlackReplyTarget
        {
            TeamId = teamId,
            ChannelId = channel,
            UserId = userId,
            ResponseUrl = ResponseUrls.Accept(Field("response_url"), options),
            FromCommand = true,
            Share = share,
            IsDirectMessage = isDirect,
        };
        return Enqueue("slash_command", target, async (conversation, ct) =>
        {
            var reply = await conversation.OnMessageAsync(message, ct).ConfigureAwait(false);
            await replier.DeliverAsync(target, reply, ct).ConfigureAwait(false);
        });
    }
}
