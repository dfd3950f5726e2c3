namespace Allometry.Adapters.Teams;

using System.Globalization;
using Microsoft.Extensions.Configuration;

/// <summary>Reads and validates <see cref="TeamsOptions"/>; a bad value fails at start naming its key.</summary>
internal static class TeamsOptionsReader
{
    public static TeamsOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TeamsOptions.Section);
        var defaults = new TeamsOptions();
        var options = new TeamsOptions
        {
            AppId = Trimmed(section["AppId"]),
            AppPassword = Trimmed(section["AppPassword"]),
            TenantMode = ReadTenantMode(section["TenantMode"]),
            TenantId = Trimmed(section["TenantId"]),
            OpenIdMetadataUrl = ReadUri(section, "OpenIdMetadataUrl") ?? defaults.OpenIdMetadataUrl,
            TokenEndpoint = Trimmed(section["TokenEndpoint"]) ?? defaults.TokenEndpoint,
            TokenScope = Trimmed(section["TokenScope"]) ?? defaults.TokenScope,
            ValidIssuers = ReadList(section, "ValidIssuers") ?? defaults.ValidIssuers,
            ConnectorAllowedHosts = ReadList(section, "ConnectorAllowedHosts") ?? defaults.ConnectorAllowedHosts,
            MaxBodyBytes = ReadInt(section, "MaxBodyBytes", 1024, 16 * 1024 * 1024) ?? defaults.MaxBodyBytes,
            KeyRefreshInterval = ReadTimeSpan(section, "KeyRefreshInterval") ?? defaults.KeyRefreshInterval,
            MaxAttempts = ReadInt(section, "MaxAttempts", 1, 10) ?? defaults.MaxAttempts,
            Workers = ReadInt(section, "Workers", 1, 64) ?? defaults.Workers,
            RetryBaseDelay = ReadTimeSpan(section, "RetryBaseDelay") ?? defaults.RetryBaseDelay,
            RetryMaxDelay = ReadTimeSpan(section, "RetryMaxDelay") ?? defaults.RetryMaxDelay,
            MembersCacheLifetime = ReadTimeSpan(section, "MembersCacheLifetime") ?? defaults.MembersCacheLifetime,
            InvokeRosterWait = ReadTimeSpan(section, "InvokeRosterWait") ?? defaults.InvokeRosterWait,
        };
        Validate(options);
        return options;
    }

    private static void Validate(TeamsOptions options)
    {
        if (!options.IsLocalMode && options.AppPassword is null)
        {
            throw Bad("Teams:AppPassword", "is required when Teams:AppId is set (the bot's client secret)");
        }
        if (options.TenantMode == TenantMode.Single && options.TenantId is null)
        {
            throw Bad("Teams:TenantId", "is required when Teams:TenantMode is 'single'");
        }
        if (options.TenantId is not null && !Guid.TryParse(options.TenantId, out _))
        {
            throw Bad("Teams:TenantId", $"must be a GUID (got '{options.TenantId}')");
        }
        if (!options.TokenEndpoint.Contains("{tenant}", StringComparison.Ordinal) ||
            !Uri.TryCreate(options.TokenEndpoint.Replace("{tenant}", "t", StringComparison.Ordinal), UriKind.Absolute, out _))
        {
            throw Bad("Teams:TokenEndpoint", "must be an absolute URL containing '{tenant}'");
        }
        if (options.ValidIssuers.Count == 0)
        {
            throw Bad("Teams:ValidIssuers", "must name at least one issuer");
        }
        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            throw Bad("Teams:RetryMaxDelay", "must be at least Teams:RetryBaseDelay, and both positive");
        }
    }

    private static TenantMode ReadTenantMode(string? value) => Trimmed(value)?.ToUpperInvariant() switch
    {
        null or "MULTI" => TenantMode.Multi,
        "SINGLE" => TenantMode.Single,
        _ => throw Bad("Teams:TenantMode", $"must be 'multi' or 'single' (got '{value}')"),
    };

    private static Uri? ReadUri(IConfigurationSection section, string key)
    {
        var value = Trimmed(section[key]);
        if (value is null) return null;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw Bad($"Teams:{key}", $"must be an absolute http(s) URL (got '{value}')");
    }

    private static int? ReadInt(IConfigurationSection section, string key, int min, int max)
    {
        var value = Trimmed(section[key]);
        if (value is null) return null;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Bad($"Teams:{key}", $"must be a whole number from {min} to {max} (got '{value}')");
    }

    private static TimeSpan? ReadTimeSpan(IConfigurationSection section, string key)
    {
        var value = Trimmed(section[key]);
        if (value is null) return null;
        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw Bad($"Teams:{key}", $"must be a positive duration like 00:00:30 (got '{value}')");
    }

    // Accepts both a list (Teams:Key:0, Teams:Key:1) and one comma-separated value (environment variables).
    private static IReadOnlyList<string>? ReadList(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var items = child.GetChildren().Select(c => c.Value).ToList();
        if (child.Value is { } single) items.AddRange(single.Split(','));
        var list = items.Select(Trimmed).OfType<string>().ToList();
        return list.Count == 0 ? null : list;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static InvalidOperationException Bad(string key, string what) => new($"Configuration {key} {what}.");
}
