namespace Allometry.Adapters.Teams.Activities;

using System.Text.Json.Nodes;
using Allometry.Core.Localization;

/// <summary>The speaker's language from the activity's <c>locale</c>, else the <c>clientInfo</c> entity; null → the user's own setting.</summary>
internal static class ActivityLocale
{
    public static Language? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return FromTag(activity.Locale) ?? FromTag(ClientInfoLocale(activity.Entities));
    }

    public static Language? FromTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Split('-', '_')[0];
        return primary.ToUpperInvariant() switch
        {
            "FR" => Language.Fr,
            "EN" => Language.En,
            _ => null,
        };
    }

    private static string? ClientInfoLocale(IReadOnlyList<JsonObject>? entities) =>
        entities?.Where(e => JsonText.Of(e["type"]) == "clientInfo").Select(e => JsonText.Of(e["locale"])).FirstOrDefault(l => l is not null);
}
