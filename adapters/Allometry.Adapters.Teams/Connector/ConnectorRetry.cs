namespace Allometry.Adapters.Teams.Connector;

using System.Net;
using System.Net.Http.Headers;

/// <summary>
/// When and how long to wait before retrying a connector call: 429, 412, 502 and 504 are retried with
/// exponential backoff and jitter, or after the server's <c>Retry-After</c> (capped), up to
/// <see cref="TeamsOptions.MaxAttempts"/> attempts.
/// </summary>
/// <seealso href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit"/>
internal sealed class ConnectorRetry(TeamsOptions options, TimeProvider time)
{
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    public int MaxAttempts => options.MaxAttempts;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempts count from 1).</summary>
    public TimeSpan DelayAfter(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        if (RetryAfter(retryAfter) is { } asked) return asked < options.RetryMaxDelay ? asked : options.RetryMaxDelay;
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, options.RetryMaxDelay.TotalMilliseconds);
        // Jitter spreads the retries of many conversations hit by the same throttle over the window.
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    /// <summary>The server's <c>Retry-After</c> as a wait, null when it did not say.</summary>
    public TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    public Task WaitAsync(TimeSpan delay, CancellationToken ct) => Task.Delay(delay, time, ct);
}
