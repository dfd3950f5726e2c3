namespace Allometry.Core.Postgres.Conversations;

using Allometry.Core.People;

/// <summary>A chat workspace (Entra tenant, Slack team, "local" web chat) connected to one tenant.</summary>
/// <param name="Platform">The chat platform.</param>
/// <param name="Realm">Entra tenant id, Slack team id, or "local".</param>
/// <param name="TenantId">The tenant whose ledger the workspace talks to.</param>
/// <param name="BoundAt">When it was connected.</param>
/// <param name="BoundBy">Who connected it, when known.</param>
public sealed record ChatRealmBinding(Platform Platform, string Realm, string TenantId, DateTimeOffset BoundAt, string? BoundBy);
