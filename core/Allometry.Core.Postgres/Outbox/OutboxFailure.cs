namespace Allometry.Core.Postgres.Outbox;

/// <summary>Why a delivery failed, as the platform said it.</summary>
/// <param name="Code">A short machine code (<c>ratelimited</c>, <c>http_500</c>); never a body or a token.</param>
/// <param name="Permanent">Retrying cannot help: the message goes dead at once.</param>
/// <param name="RetryAfter">The platform's Retry-After; the next attempt is not earlier, and the throttle does not count as an attempt.</param>
/// <param name="MayHaveLanded">
/// The platform did not refuse: the call timed out or its connection failed, so a post may have
/// landed all the same. Its next attempt looks it up before posting again.
/// </param>
public sealed record OutboxFailure(string Code, bool Permanent = false, TimeSpan? RetryAfter = null, bool MayHaveLanded = false);
