namespace Allometry.Adapters.DirectLine.Relay;

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// Forwards a user's activity to the bot's Bot Framework endpoint — the same <c>/api/messages</c>
/// pipeline Teams uses — and reports whether the bot accepted it. The bot answers through the
/// connector endpoints of this channel (the activity's <c>serviceUrl</c>).
/// </summary>
internal sealed partial class BotRelay(HttpClient http, IOptions<DirectLineOptions> options, ILogger<BotRelay> logger)
{
    public const string HttpClientName = "allometry-directline-relay";

    /// <summary>Posts the activity; true when the bot answered 2xx.</summary>
    public async Task<bool> ForwardAsync(JsonObject activity, Uri selfBase, CancellationToken ct)
    {
        var endpoint = string.IsNullOrWhiteSpace(options.Value.BotEndpoint)
            ? new Uri(selfBase, "api/messages")
            : new Uri(options.Value.BotEndpoint);
        try
        {
            using var response = await http.PostAsJsonAsync(endpoint, activity, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, (int)response.StatusCode);
            }
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(logger, e.HttpRequestError.ToString());
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: the bot refused an activity with HTTP {Status}")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: the bot endpoint could not be reached ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string error);
}
