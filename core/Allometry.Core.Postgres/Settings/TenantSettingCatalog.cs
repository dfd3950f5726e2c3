namespace Allometry.Core.Postgres.Settings;

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Allometry.Core.Actions;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// Every setting a tenant may change, with its documented default: the rule thresholds of
/// <see cref="RuleSettings"/> at the top level of <c>tenant_settings.settings</c> and the
/// <see cref="PermissionSettings"/> under <c>permissions</c>. Built from the two records
/// themselves, so a threshold added there is listed, settable and defaulted here without a copy.
/// </summary>
public static class TenantSettingCatalog
{
    /// <summary>The nested object holding <see cref="PermissionSettings"/>; <see cref="Exceptions.RuleSettingsStore"/> ignores it.</summary>
    public const string PermissionsKey = "permissions";

    // The seller's PST registrations come from the ledger's meta sheet, never from settings.
    private static readonly HashSet<string> NotSettable = [nameof(RuleSettings.SellerPstRegistrations)];

    private static readonly Lazy<IReadOnlyList<TenantSetting>> Settings = new(Build);

    /// <summary>The settings, rule thresholds first (in the record's order), then permissions.</summary>
    public static IReadOnlyList<TenantSetting> All => Settings.Value;

    /// <summary>The setting called <paramref name="key"/> (case-insensitive; dashes read as underscores).</summary>
    /// <exception cref="LocalizedArgumentException">No such setting; the message names it and lists the known keys.</exception>
    public static TenantSetting Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normalized = key.Trim().Replace('-', '_').ToLowerInvariant();
        return All.FirstOrDefault(s => s.Key == normalized) ?? throw new LocalizedArgumentException(new LocalizedText(
            $"Unknown setting '{key}'. Nothing was changed. Settings: {string.Join(", ", All.Select(s => s.Key))}.",
            $"Réglage inconnu « {key} ». Rien n'a été modifié. Réglages : {string.Join(", ", All.Select(s => s.Key))}."));
    }

    private static List<TenantSetting> Build()
    {
        var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var settings = new List<TenantSetting>();
        settings.AddRange(Of<RuleSettings>(RuleSettings.Default, "", json));
        settings.AddRange(Of<PermissionSettings>(PermissionSettings.Default, PermissionsKey + ".", json));
        return settings;
    }

    private static IEnumerable<TenantSetting> Of<T>(T defaults, string prefix, JsonSerializerOptions json)
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (NotSettable.Contains(property.Name) || property.SetMethod is null) continue;
            var key = prefix + json.PropertyNamingPolicy!.ConvertName(property.Name);
            var value = property.GetValue(defaults);
            yield return new TenantSetting(key, KindOf(property), value is null ? null : JsonSerializer.SerializeToNode(value, property.PropertyType, json));
        }
    }

    private static TenantSettingKind KindOf(PropertyInfo property) => property.PropertyType switch
    {
        var t when t == typeof(decimal) => TenantSettingKind.Decimal,
        var t when t == typeof(int) => TenantSettingKind.Integer,
        var t when t == typeof(DateOnly) => TenantSettingKind.Date,
        var t when t == typeof(bool) => TenantSettingKind.Boolean,
        var t when t == typeof(IReadOnlySet<string>) => TenantSettingKind.RuleIds,
        var t when t == typeof(IReadOnlyDictionary<string, decimal>) => TenantSettingKind.CreditLimits,
        // A new kind of setting needs a way to be typed on a command line before it can ship.
        var t => throw new NotSupportedException($"Setting {property.DeclaringType?.Name}.{property.Name} has type {t.Name}, which has no command-line form yet."),
    };
}
