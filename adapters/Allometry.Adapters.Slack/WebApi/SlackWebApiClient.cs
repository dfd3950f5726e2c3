namespace Allometry.Adapters.Slack.WebApi;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.Configuration;
using Microsoft.Extensions.Logging;

/// <summary>
/// Slack's Web API over HttpClient: JSON bodies for write methods, form bodies for reads (Slack
/// accepts JSON only on write methods), <c>ok:false</c> as <see cref="SlackApiException"/>, HTTP 429
/// waited out per <c>Retry-After</c> (a few times, then surfaced with the delay).
/// </summary>
/// <seealso href="https://api.slack.com/web"/>
internal sealed partial class SlackWebApiClient(HttpClient http, SlackOptions options, TimeProvider time, ILogger<SlackWebApiClient> logger)
{
    /// <summary>The name of the typed HttpClient.</summary>
    public const string HttpClientName = "slack";

    private const int RateLimitAttempts = 4;
    private static readonly TimeSpan LongestPatientWait = TimeSpan.FromSeconds(30);

    public async Task<JsonObject> CallJsonAsync(string method, string token, JsonObject body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var json = body.ToJsonString();
        return await SendAsync(method, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ApiBaseUrl, method))
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }, ct).ConfigureAwait(false);
    }

    public async Task<JsonObject> CallFormAsync(string method, AuthenticationHeaderValue? authorization,
        IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        return await SendAsync(method, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ApiBaseUrl, method)) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = authorization;
            return request;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Posts to a <c>response_url</c> (5 uses within 30 minutes of the interaction).</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, JsonObject body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(body);
        var json = body.ToJsonString();
        await SendAsync("response_url", () => new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        }, ct, plainOkAllowed: true).ConfigureAwait(false);
    }

    private async Task<JsonObject> SendAsync(string method, Func<HttpRequestMessage> build, CancellationToken ct, bool plainOkAllowed = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                LogTransport(logger, method, ex.HttpRequestError.ToString());
                throw new SlackApiException(method, "transport", inner: ex);
            }
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
                    LogRateLimited(logger, method, wait.TotalSeconds, attempt);
                    if (attempt >= RateLimitAttempts || wait > LongestPatientWait)
                    {
                        throw new SlackApiException(method, "ratelimited", wait);
                    }
                    await Task.Delay(wait, time, ct).ConfigureAwait(false);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    LogHttpError(logger, method, (int)response.StatusCode);
                    throw new SlackApiException(method, "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), RetryAfter(response));
                }
                var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (plainOkAllowed && text.Trim() == "ok")
                {
                    return new JsonObject { ["ok"] = true };
                }
                JsonObject? result;
                try
                {
                    result = JsonNode.Parse(text) as JsonObject;
                }
                catch (System.Text.Json.JsonException ex)
                {
                    throw new SlackApiException(method, "invalid_response", inner: ex);
                }
                if (result is null)
                {
                    throw new SlackApiException(method, "invalid_response");
                }
                if (result["ok"]?.GetValue<bool>() != true)
                {
                    var code = result["error"]?.GetValue<string>() ?? "unknown_error";
                    LogNotOk(logger, method, code);
                    throw new SlackApiException(method, code);
                }
                return result;
            }
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
            {
                return delta;
            }
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} rate limited: Retry-After {Seconds}s (attempt {Attempt})")]
    private static partial void LogRateLimited(ILogger logger, string method, double seconds, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered ok:false with {Error}")]
    private static partial void LogNotOk(ILogger logger, string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered HTTP {Status}")]
    private static partial void LogHttpError(ILogger logger, string method, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} transport failure: {Error}")]
    private static partial void LogTransport(ILogger logger, string method, string error);
}
