namespace Allometry.Core.Postgres.Outbox;

using Allometry.Core.People;

/// <summary>A dead-lettered message as the operator sees it: where it was going and why it died (a code, never a body).</summary>
public sealed record DeadMessage(long OutboxId, string TenantId, Platform Platform, string ConversationId, OutboxKind Kind,
    int Attempts, string? LastError, DateTimeOffset DiedAt);
