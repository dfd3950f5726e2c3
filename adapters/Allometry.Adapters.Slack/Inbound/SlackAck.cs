namespace Allometry.Adapters.Slack.Inbound;

using System.Text.Json.Nodes;

/// <summary>
/// What Slack gets back at once: the HTTP status and body, or in Socket Mode the envelope ack's
/// payload. <see cref="Reason"/> is a short code for logs and 400 bodies, never request content.
/// </summary>
internal sealed record SlackAck(int Status, JsonObject? Body = null, string? Reason = null)
{
    public static SlackAck Ok { get; } = new(200);

    public static SlackAck With(JsonObject body) => new(200, body);

    public static SlackAck BadRequest(string reason) => new(400, Reason: reason);

    /// <summary>The work queue is full: better refused (Slack retries events, people retry clicks) than acknowledged and dropped.</summary>
    public static SlackAck Busy { get; } = new(503, Reason: "busy");
}
