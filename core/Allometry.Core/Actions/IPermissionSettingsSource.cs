namespace Allometry.Core.Actions;

/// <summary>
/// Where a tenant's <see cref="PermissionSettings"/> come from. Read on every action and question,
/// so an implementation answers from a short-lived cache rather than a round trip each time.
/// </summary>
public interface IPermissionSettingsSource
{
    /// <summary>The tenant's settings; <see cref="PermissionSettings.Default"/> for a tenant that changed none.</summary>
    /// <param name="tenantId">The tenant whose settings apply.</param>
    /// <param name="ct">Cancels the read.</param>
    ValueTask<PermissionSettings> GetAsync(string tenantId, CancellationToken ct);
}
