namespace Allometry.Core.Postgres.Settings;

using System.Text.Json.Nodes;

/// <summary>A setting as a tenant has it: the value it set, or nothing (the default applies).</summary>
/// <param name="Setting">Which setting, with its default.</param>
/// <param name="Stored">The tenant's own value; null when it set none.</param>
public sealed record TenantSettingValue(TenantSetting Setting, JsonNode? Stored)
{
    /// <summary>True when the tenant chose a value rather than the default.</summary>
    public bool IsSet => Stored is not null;

    /// <summary>The value that applies: the tenant's, else the default.</summary>
    public JsonNode? Effective => Stored ?? Setting.Default;
}
