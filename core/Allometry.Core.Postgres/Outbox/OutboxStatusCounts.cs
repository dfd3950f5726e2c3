namespace Allometry.Core.Postgres.Outbox;

/// <summary>How many messages are in each state, across tenants (<c>allometry outbox status</c>).</summary>
public sealed record OutboxStatusCounts(long Pending, long Sending, long Sent, long Dead, DateTimeOffset? OldestPendingAt);
