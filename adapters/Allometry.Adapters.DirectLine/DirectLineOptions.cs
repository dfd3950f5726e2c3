namespace Allometry.Adapters.DirectLine;

/// <summary>
/// The local Direct Line 3.0 channel and its Web Chat page (configuration section <c>DirectLine</c>).
/// It is the demo's channel: conversations live in memory, and the page and token issuing answer
/// loopback callers only.
/// </summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>The bot's Bot Framework endpoint the channel relays user activities to.</summary>
    /// <value>Default: <c>/api/messages</c> on the host that serves the channel.</value>
    public string? BotEndpoint { get; set; }

    /// <summary>Base64 key (≥ 32 bytes) that signs conversation tokens.</summary>
    /// <value>Default: a random key per process, so tokens die with the process.</value>
    public string? TokenSigningKey { get; set; }

    /// <summary>The Direct Line secret <c>tokens/generate</c> accepts as its bearer; null turns that endpoint off (the page uses <c>/webchat/token</c>).</summary>
    public string? Secret { get; set; }

    /// <summary>Token lifetime in seconds.</summary>
    /// <value>Default 3600, as the hosted Direct Line service.</value>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>At most this many conversations are kept; the oldest idle one is dropped first.</summary>
    /// <value>Default 500.</value>
    public int MaxConversations { get; set; } = 500;

    /// <summary>At most this many activities per conversation; older ones are dropped from the log.</summary>
    /// <value>Default 2000.</value>
    public int MaxActivitiesPerConversation { get; set; } = 2000;

    /// <summary>Largest request body accepted, in bytes.</summary>
    /// <value>Default 256 KiB.</value>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The bot's id and name in the conversation.</summary>
    /// <value>Default <c>allometry</c> / <c>Allometry</c>.</value>
    public string BotId { get; set; } = "allometry";

    public string BotName { get; set; } = "Allometry";

    /// <summary>Path of Web Chat's browser bundle (<c>botframework-webchat/dist/webchat.js</c>).</summary>
    /// <value>Default: found under the nearest <c>node_modules</c> above the working directory or the application.</value>
    public string? WebChatScript { get; set; }

    /// <summary>The people the page lets you act as (the demo fills them from the sample operator's users).</summary>
    public IList<WebChatPersona> Personas { get; } = [];
}
