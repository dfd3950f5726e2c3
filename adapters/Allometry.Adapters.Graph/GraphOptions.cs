namespace Allometry.Adapters.Graph;

/// <summary>
/// The Graph directory's configuration, from the <c>Graph:</c> section (client id and secret default to
/// <c>Teams:AppId</c>/<c>Teams:AppPassword</c>: usually the bot's own Entra app holds User.Read.All).
/// </summary>
/// <seealso href="https://learn.microsoft.com/graph/api/user-get"/>
internal sealed record GraphOptions
{
    public const string Section = "Graph";

    /// <summary>The Entra app id (<c>Graph:ClientId</c>, else <c>Teams:AppId</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>The app's secret (<c>Graph:ClientSecret</c>, else <c>Teams:AppPassword</c>). Never logged.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>
    /// <c>Graph:TenantId</c>: when set, every token comes from this tenant; when empty, from the tenant of the
    /// identity asked about (the Teams realm), as a multi-tenant app installed in customers' tenants needs.
    /// </summary>
    public string? TenantId { get; init; }

    /// <summary><c>Graph:BaseUrl</c>.</summary>
    /// <value>Defaults to the Graph v1.0 endpoint.</value>
    public Uri BaseUrl { get; init; } = new("https://graph.microsoft.com/v1.0/");

    /// <summary><c>Graph:TokenEndpoint</c>, with <c>{tenant}</c> replaced per tenant.</summary>
    public string TokenEndpoint { get; init; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary><c>Graph:Scope</c>.</summary>
    public string Scope { get; init; } = "https://graph.microsoft.com/.default";

    /// <summary>How long answers (users, managers, refusals) are reused (<c>Graph:CacheDuration</c>).</summary>
    /// <value>Defaults to one hour.</value>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Attempts per call when Graph throttles (429) (<c>Graph:MaxAttempts</c>).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The longest wait honoured from a <c>Retry-After</c> (<c>Graph:RetryMaxDelay</c>).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);
}
