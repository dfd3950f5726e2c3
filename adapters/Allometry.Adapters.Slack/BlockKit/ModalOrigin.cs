namespace Allometry.Adapters.Slack.BlockKit;

/// <summary>
/// Where the button that opened a modal was, so the submission can update that card in place:
/// the channel and message <c>ts</c> (<c>chat.update</c>) and, when the click had one, its <c>response_url</c>.
/// </summary>
internal sealed record ModalOrigin(string? ChannelId, string? MessageTs, string? ResponseUrl = null);
