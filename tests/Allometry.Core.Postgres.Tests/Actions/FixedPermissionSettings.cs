namespace Allometry.Core.Postgres.Tests.Actions;

using Allometry.Core.Actions;

/// <summary>The same settings for every tenant, for tests about what the settings do rather than where they are stored.</summary>
internal sealed class FixedPermissionSettings(PermissionSettings settings) : IPermissionSettingsSource
{
    public ValueTask<PermissionSettings> GetAsync(string tenantId, CancellationToken ct) => ValueTask.FromResult(settings);
}
