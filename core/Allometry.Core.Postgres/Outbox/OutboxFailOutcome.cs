namespace Allometry.Core.Postgres.Outbox;

/// <summary>What <see cref="OutboxStore.FailAsync"/> did with a failed message.</summary>
/// <param name="Dead">True when the message was dead-lettered.</param>
/// <param name="NextAttemptAt">When it will be tried again (null when dead or when the lease was lost).</param>
/// <param name="LeaseLost">The lease had expired and another dispatcher took the message over: nothing was written.</param>
public sealed record OutboxFailOutcome(bool Dead, DateTimeOffset? NextAttemptAt, bool LeaseLost = false);
