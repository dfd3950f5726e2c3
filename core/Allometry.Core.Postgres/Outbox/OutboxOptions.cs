namespace Allometry.Core.Postgres.Outbox;

/// <summary>Retry policy of the outbox.</summary>
public sealed record OutboxOptions
{
    /// <summary>Failed attempts (throttles excluded) before a message is dead-lettered.</summary>
    /// <value>8.</value>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The first retry's delay; each further attempt doubles it, with ±20 % jitter.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest backoff between attempts.</summary>
    /// <value>10 minutes.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a claim lasts; a dispatcher that dies leaves its messages claimable after it.</summary>
    /// <value>60 seconds.</value>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);
}
