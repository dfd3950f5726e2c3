namespace Allometry.Core.Postgres.Outbox;

/// <summary>A claimed message the platform accepted; <paramref name="MessageId"/> is where a post landed.</summary>
public sealed record OutboxDelivery(OutboxClaim Claim, string? MessageId);
