namespace Allometry.Adapters.Teams.Connector;

using Allometry.Core.Cards;

/// <summary>
/// Which service URLs the bot may call with its token. The service URL comes from activities and stored
/// conversation references; only configured hosts (and https, except on loopback) get the token.
/// </summary>
internal sealed class ConnectorHostPolicy(TeamsOptions options)
{
    /// <summary>The service URL as a base URI ending in '/', or a permanent delivery failure when it is not allowed.</summary>
    public Uri BaseFor(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            throw new ChannelDeliveryException("service_url_missing", permanent: true);
        }
        if (!IsAllowed(uri)) throw new ChannelDeliveryException("service_url_not_allowed", permanent: true);
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)) return false;
        var host = uri.Host;
        return options.ConnectorAllowedHosts.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));
    }
}
