namespace Allometry.Adapters.Teams;

/// <summary>
/// The Teams channel's configuration, read from the <c>Teams:</c> section. Every outside base URL is
/// configurable so tests and local runs point at loopback fakes.
/// </summary>
/// <seealso href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication"/>
internal sealed record TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The bot's Microsoft app id (<c>Teams:AppId</c>). Empty → local mode: no auth, loopback callers only.</summary>
    public string? AppId { get; init; }

    /// <summary>The app's client secret (<c>Teams:AppPassword</c>); required with an app id. Never logged.</summary>
    public string? AppPassword { get; init; }

    /// <summary><c>Teams:TenantMode</c>: <c>multi</c> (default) or <c>single</c>.</summary>
    /// <value>Defaults to <see cref="TenantMode.Multi"/>.</value>
    public TenantMode TenantMode { get; init; } = TenantMode.Multi;

    /// <summary>The bot's own Entra tenant (<c>Teams:TenantId</c>), required in single-tenant mode.</summary>
    public string? TenantId { get; init; }

    /// <summary>Where the Bot Framework's signing keys are announced (<c>Teams:OpenIdMetadataUrl</c>).</summary>
    /// <value>Defaults to the Bot Framework's public OpenID configuration.</value>
    public Uri OpenIdMetadataUrl { get; init; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>
    /// The token endpoint template (<c>Teams:TokenEndpoint</c>); <c>{tenant}</c> is replaced by
    /// <c>botframework.com</c> or the tenant id.
    /// </summary>
    /// <value>Defaults to the Entra v2 token endpoint.</value>
    public string TokenEndpoint { get; init; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary>The scope asked for in outbound tokens (<c>Teams:TokenScope</c>).</summary>
    public string TokenScope { get; init; } = "https://api.botframework.com/.default";

    /// <summary>Accepted <c>iss</c> values of inbound tokens (<c>Teams:ValidIssuers</c>).</summary>
    public IReadOnlyList<string> ValidIssuers { get; init; } = ["https://api.botframework.com"];

    /// <summary>
    /// Hosts the bot may send its token to (<c>Teams:ConnectorAllowedHosts</c>); <c>*.example.net</c> matches
    /// sub-domains. A service URL elsewhere is refused, so a forged activity cannot collect the bot's token.
    /// </summary>
    public IReadOnlyList<string> ConnectorAllowedHosts { get; init; } =
        ["smba.trafficmanager.net", "*.botframework.com", "*.botframework.us", "*.botframework.azure.us"];

    /// <summary>Largest accepted request body in bytes (<c>Teams:MaxBodyBytes</c>).</summary>
    /// <value>Defaults to 256 KiB.</value>
    public int MaxBodyBytes { get; init; } = 256 * 1024;

    /// <summary>How long fetched signing keys are trusted before a refetch (<c>Teams:KeyRefreshInterval</c>).</summary>
    /// <value>Defaults to 24 hours (the Bot Framework rotates keys over days).</value>
    public TimeSpan KeyRefreshInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Clock skew tolerated on token lifetimes.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts per connector call (first try included) on 429/412/502/504 (<c>Teams:MaxAttempts</c>).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First backoff delay (<c>Teams:RetryBaseDelay</c>); doubled per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single wait, also the cap on a server's <c>Retry-After</c> (<c>Teams:RetryMaxDelay</c>).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many activities are worked on at once after their acknowledgement (<c>Teams:Workers</c>); each holds
    /// at most one database connection while it answers.
    /// </summary>
    /// <value>Defaults to 8.</value>
    public int Workers { get; init; } = 8;

    /// <summary>
    /// How long a conversation's member list is reused for cards' <c>refresh.userIds</c> (<c>Teams:MembersCacheLifetime</c>);
    /// Teams' <c>conversationUpdate</c> about members joining or leaving drops it at once.
    /// </summary>
    /// <value>Defaults to 10 minutes.</value>
    public TimeSpan MembersCacheLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long an invoke's answer waits for a member list not read yet (<c>Teams:InvokeRosterWait</c>): Teams waits
    /// only a few seconds for the answer, so a slower read leaves that one card without <c>refresh.userIds</c> (the read
    /// goes on and serves the next card).
    /// </summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan InvokeRosterWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>True when no app id is configured: local/emulator mode without authentication, loopback only.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);
}
