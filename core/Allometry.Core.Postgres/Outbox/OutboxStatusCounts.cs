namespace Allometry.Core.Postgres.Outbox;

/// <summary>How many messages are in each state, across tenants (<c>allometry outbox status</c>).</summary>
/// <param name="Pending">Waiting for their next attempt.</param>
/// <param name="Sending">Claimed by a dispatcher.</param>
/// <param name="Sent">Delivered.</param>
/// <param name="Dead">Given up on.</param>
/// <param name="OldestPendingAt">The oldest pending message's due time.</param>
/// <param name="FoundAfterCrash">Posts a crash interrupted that were found on the platform and recorded, not posted again.</param>
/// <param name="RepostedUnchecked">Posts a crash interrupted that were posted again without the platform being able to say whether the first landed: each may be a duplicate card.</param>
public sealed record OutboxStatusCounts(long Pending, long Sending, long Sent, long Dead, DateTimeOffset? OldestPendingAt,
    long FoundAfterCrash = 0, long RepostedUnchecked = 0);
