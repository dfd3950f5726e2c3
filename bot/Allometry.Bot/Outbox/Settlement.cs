namespace Allometry.Bot.Outbox;

using Allometry.Core.Postgres.Outbox;

/// <summary>How one claimed message ended in this dispatcher: sent, failed, or given back unsent.</summary>
internal sealed record Settlement(OutboxClaim Claim, string? MessageId = null, OutboxFailure? Failure = null, DateTimeOffset? DeferUntil = null,
    string? PostedConversationId = null, string? Reconciliation = null)
{
    public static Settlement Sent(OutboxClaim claim, string? messageId, string? postedConversationId = null, string? reconciliation = null) =>
        new(claim, messageId, PostedConversationId: postedConversationId, Reconciliation: reconciliation);

    public static Settlement Failed(OutboxClaim claim, OutboxFailure failure) => new(claim, Failure: failure);

    public static Settlement Deferred(OutboxClaim claim, DateTimeOffset until) => new(claim, DeferUntil: until);
}
