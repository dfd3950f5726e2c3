namespace Allometry.Core.Postgres.Outbox;

/// <summary>Where a queued message is in its life.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher under a lease; an expired lease makes it claimable again.</summary>
    Sending,

    /// <summary>Delivered.</summary>
    Sent,

    /// <summary>Given up on (a permanent error, or too many attempts); <c>allometry outbox retry</c> revives it.</summary>
    Dead,
}
