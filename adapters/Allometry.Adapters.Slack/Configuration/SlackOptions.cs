namespace Allometry.Adapters.Slack.Configuration;

using Allometry.Core.Localization;

/// <summary>
/// The Slack app's configuration, bound from the <c>Slack:</c> section. Either a single workspace's
/// <see cref="BotToken"/>, or <see cref="ClientId"/>/<see cref="ClientSecret"/> for the OAuth v2 install
/// flow (one bot token per workspace, stored encrypted with <see cref="TokenEncryptionKey"/>).
/// </summary>
/// <seealso href="https://api.slack.com/authentication/verifying-requests-from-slack"/>
internal sealed class SlackOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Slack";

    /// <summary>Public HTTP endpoints or Socket Mode.</summary>
    /// <value>Default <see cref="SlackMode.Http"/>.</value>
    public SlackMode Mode { get; set; } = SlackMode.Http;

    /// <summary>
    /// The app's signing secrets; two during a rotation (either verifies). HTTP mode requires at
    /// least one: without a secret every request is refused.
    /// </summary>
    public IList<string> SigningSecrets { get; } = [];

    /// <summary>A single workspace's bot token (<c>xoxb-…</c>); leave empty to use OAuth installations.</summary>
    public string? BotToken { get; set; }

    /// <summary>The workspace (<c>T…</c>) <see cref="BotToken"/> belongs to; optional, used to refuse other teams.</summary>
    public string? TeamId { get; set; }

    /// <summary>OAuth v2 client id, for multi-workspace installs.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth v2 client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The public base URL of this host (<c>https://bot.example.com</c>), for the OAuth redirect URI.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Base64 of 32 random bytes: the AES-256-GCM key for bot tokens at rest. Required with OAuth.</summary>
    public string? TokenEncryptionKey { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>) Socket Mode opens connections with.</summary>
    public string? AppToken { get; set; }

    /// <summary>The Web API base; tests and local runs point it at a loopback fake.</summary>
    /// <value>Default <c>https://slack.com/api/</c>.</value>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Where the OAuth install sends the installer.</summary>
    /// <value>Default <c>https://slack.com/oauth/v2/authorize</c>.</value>
    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>The largest request body accepted before verification, in bytes.</summary>
    /// <value>Default 256 KiB (interactivity payloads carry whole messages).</value>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How far the request timestamp may be from now.</summary>
    /// <value>Default 300 seconds, as Slack recommends.</value>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Work waiting for the background worker; beyond it requests are refused with 503.</summary>
    /// <value>Default 1000.</value>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>
    /// Work items in flight at once. Mostly they wait (on PostgreSQL, on Slack, on a channel's
    /// one-post-per-second turn), so this is concurrency, not threads: a busy channel's paced posts
    /// must not hold up every other channel.
    /// </summary>
    /// <value>Default 16.</value>
    public int Workers { get; set; } = 16;

    /// <summary>The first wait before reconnecting a failed Socket Mode connection; doubles per failure.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan SocketReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between Socket Mode reconnection attempts.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan SocketReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The language of error notices when the speaker's is unknown.</summary>
    /// <value>Default <see cref="Language.En"/>.</value>
    public Language DefaultLanguage { get; set; } = Language.En;

    /// <summary>True when tokens come from OAuth installations rather than <see cref="BotToken"/>.</summary>
    public bool UsesOAuth => string.IsNullOrWhiteSpace(BotToken);
}
