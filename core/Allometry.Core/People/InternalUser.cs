namespace Allometry.Core.People;

using Allometry.Core.Localization;

/// <summary>
/// A person known to Allometry, identified by a verified email, with the tenants they work for.
/// Platform identities link to them (<see cref="PlatformIdentity"/>).
/// </summary>
public sealed record InternalUser
{
    public required long UserId { get; init; }
    public required string Email { get; init; }
    public required string Name { get; init; }
    public Language Language { get; init; } = Language.En;
    /// <summary>IANA time zone, for digests at local time.</summary>
    /// <value>America/Toronto</value>
    public string TimeZone { get; init; } = "America/Toronto";
    public IReadOnlyList<TenantMembership> Memberships { get; init; } = [];

    /// <summary>The role in <paramref name="tenantId"/>, or null when the user does not work for it.</summary>
    public Role? RoleIn(string tenantId) => Memberships.FirstOrDefault(m => m.TenantId == tenantId)?.Role;
}
