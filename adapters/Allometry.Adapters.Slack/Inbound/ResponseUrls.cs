namespace Allometry.Adapters.Slack.Inbound;

using Allometry.Adapters.Slack.Configuration;

/// <summary>
/// A <c>response_url</c> is followed only to Slack (https, a slack.com host) or to the configured API
/// host (a loopback fake in tests): a forged payload cannot make the bot post elsewhere.
/// </summary>
internal static class ResponseUrls
{
    public static Uri? Accept(string? value, SlackOptions options)
    {
        if (value is null || !Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            return null;
        }
        var slack = url.Scheme == Uri.UriSchemeHttps
            && (url.Host.Equals("slack.com", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase));
        var configured = url.Scheme == options.ApiBaseUrl.Scheme && url.Authority.Equals(options.ApiBaseUrl.Authority, StringComparison.OrdinalIgnoreCase);
        return slack || configured ? url : null;
    }
}
