namespace Allometry.Core.People;

/// <summary>A person's role in one tenant; fractional-ops users hold several.</summary>
public sealed record TenantMembership(string TenantId, Role Role);
