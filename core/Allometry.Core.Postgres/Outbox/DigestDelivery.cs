namespace Allometry.Core.Postgres.Outbox;

/// <summary>One subscription's digest on one local day: the key under which each exception's card is posted at most once.</summary>
/// <param name="TenantId">The subscription's tenant.</param>
/// <param name="SubscriptionId">The digest subscription.</param>
/// <param name="LocalDate">The day in the subscription's time zone.</param>
public sealed record DigestDelivery(string TenantId, long SubscriptionId, DateOnly LocalDate);
