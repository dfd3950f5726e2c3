namespace Allometry.Adapters.Slack.BlockKit;

/// <summary>
/// A submitted action modal, read back: the data for <c>InboundAction.Data</c> (the button payload
/// with the inputs' values merged in under their input ids) and where the clicked card was.
/// </summary>
/// <param name="Data">Payload keys (<c>verb</c>, <c>exception</c>, <c>version</c>, presets) and input values; empty inputs are absent.</param>
/// <param name="Origin">The clicked card's channel/ts/response_url; null when the modal was opened without one.</param>
internal sealed record ModalSubmission(IReadOnlyDictionary<string, string?> Data, ModalOrigin? Origin);
