namespace Allometry.Adapters.Graph;

using System.Globalization;
using Microsoft.Extensions.Configuration;

/// <summary>Reads and validates <see cref="GraphOptions"/>; a bad value fails at start naming its key.</summary>
internal static class GraphOptionsReader
{
    /// <summary>The options, or null when no client id is configured anywhere (no Graph directory then).</summary>
    public static GraphOptions? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(GraphOptions.Section);
        var clientId = Trimmed(section["ClientId"]) ?? Trimmed(configuration["Teams:AppId"]);
        if (clientId is null) return null;
        var secret = Trimmed(section["ClientSecret"]) ?? Trimmed(configuration["Teams:AppPassword"])
            ?? throw Bad("Graph:ClientSecret", "is required when Graph:ClientId (or Teams:AppId) is set");
        var defaults = new GraphOptions { ClientId = clientId, ClientSecret = secret };
        var tenant = Trimmed(section["TenantId"]);
        if (tenant is not null && !Guid.TryParse(tenant, out _)) throw Bad("Graph:TenantId", $"must be a GUID (got '{tenant}')");
        var tokenEndpoint = Trimmed(section["TokenEndpoint"]) ?? defaults.TokenEndpoint;
        if (!tokenEndpoint.Contains("{tenant}", StringComparison.Ordinal) ||
            !Uri.TryCreate(tokenEndpoint.Replace("{tenant}", "t", StringComparison.Ordinal), UriKind.Absolute, out _))
        {
            throw Bad("Graph:TokenEndpoint", "must be an absolute URL containing '{tenant}'");
        }
        return defaults with
        {
            TenantId = tenant,
            BaseUrl = ReadBaseUrl(section["BaseUrl"]) ?? defaults.BaseUrl,
            TokenEndpoint = tokenEndpoint,
            Scope = Trimmed(section["Scope"]) ?? defaults.Scope,
            CacheDuration = ReadSpan(section, "CacheDuration") ?? defaults.CacheDuration,
            RetryMaxDelay = ReadSpan(section, "RetryMaxDelay") ?? defaults.RetryMaxDelay,
            MaxAttempts = ReadAttempts(section["MaxAttempts"]) ?? defaults.MaxAttempts,
        };
    }

    private static Uri? ReadBaseUrl(string? value)
    {
        if (Trimmed(value) is not { } text) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw Bad("Graph:BaseUrl", $"must be an absolute http(s) URL (got '{text}')");
        }
        // Relative paths resolve under the version segment only when the base ends in '/'.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static TimeSpan? ReadSpan(IConfigurationSection section, string key)
    {
        if (Trimmed(section[key]) is not { } text) return null;
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw Bad($"Graph:{key}", $"must be a positive duration like 01:00:00 (got '{text}')");
    }

    private static int? ReadAttempts(string? value)
    {
        if (Trimmed(value) is not { } text) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10
            ? n
            : throw Bad("Graph:MaxAttempts", $"must be a whole number from 1 to 10 (got '{text}')");
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static InvalidOperationException Bad(string key, string what) => new($"Configuration {key} {what}.");
}
