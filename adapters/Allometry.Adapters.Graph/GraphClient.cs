namespace Allometry.Adapters.Graph;

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

/// <summary>GETs against Graph with the tenant's app token, waiting out 429 throttling as <c>Retry-After</c> says (bounded).</summary>
/// <seealso href="https://learn.microsoft.com/graph/throttling"/>
internal sealed class GraphClient(HttpClient http, GraphTokenSource tokens, GraphOptions options, TimeProvider time, ILogger<GraphClient> logger)
{
    // Graph asks for Retry-After; when it is absent, wait this long, doubled per attempt.
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);

    /// <summary>How many requests reached Graph (diagnostics and tests).</summary>
    public int RequestCount => _requests;

    private int _requests;

    /// <exception cref="GraphUnavailableException">A server error, or still throttled after <see cref="GraphOptions.MaxAttempts"/>.</exception>
    public async Task<GraphResponse> GetAsync(string realm, string relativeUrl, CancellationToken ct)
    {
        var uri = new Uri(options.BaseUrl, relativeUrl);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(realm, ct).ConfigureAwait(false));
            Interlocked.Increment(ref _requests);
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                using var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
                return new GraphResponse(response.StatusCode, json.RootElement.Clone());
            }
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden) return new GraphResponse(response.StatusCode, null);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= options.MaxAttempts)
            {
                throw new GraphUnavailableException($"Graph answered {(int)response.StatusCode} after {attempt} attempt(s).");
            }
            var wait = Wait(response.Headers.RetryAfter, attempt);
            logger.LogInformation("Graph throttled (429); retry {Attempt} in {Delay} ms", attempt + 1, (int)wait.TotalMilliseconds);
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }

    private TimeSpan Wait(RetryConditionHeaderValue? retryAfter, int attempt)
    {
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : DefaultWait * Math.Pow(2, attempt - 1));
        if (asked < TimeSpan.Zero) asked = TimeSpan.Zero;
        return asked < options.RetryMaxDelay ? asked : options.RetryMaxDelay;
    }
}
