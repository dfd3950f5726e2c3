namespace Allometry.Core.Postgres.Outbox;

/// <summary>A claimed message the platform accepted.</summary>
/// <param name="Claim">The message.</param>
/// <param name="MessageId">Where a post landed (Slack ts, Teams activity id); null for an update or delete.</param>
/// <param name="PostedConversationId">
/// The conversation the post lives in when the platform put it elsewhere than asked (a Teams
/// channel post starts a thread, "19:…;messageid=…"); null when it is the claim's own.
/// </param>
/// <param name="Reconciliation">
/// How a post that may have landed before (<see cref="OutboxClaim.MayHaveLanded"/>) was settled:
/// <c>found</c>, <c>not_found</c>, <c>lookup_failed:&lt;code&gt;</c> or <c>no_lookup</c> (the last two
/// posted again without knowing); null for an ordinary delivery.
/// </param>
public sealed record OutboxDelivery(OutboxClaim Claim, string? MessageId, string? PostedConversationId = null, string? Reconciliation = null);
