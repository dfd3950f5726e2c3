namespace Allometry.Core.Postgres.Settings;

using System.Globalization;
using System.Text.Json.Nodes;
using Allometry.Core.Localization;
using Allometry.Core.Rules;

/// <summary>
/// One setting a tenant may change: its key (the JSON path in <c>tenant_settings.settings</c>,
/// dotted for nested objects: <c>permissions.second_approval_threshold</c>), what it holds and its
/// documented default. Reads a person's text into the stored JSON value, refusing bad input with
/// a message that names the key.
/// </summary>
/// <param name="Key">The setting's name, as the CLI and the stored JSON spell it.</param>
/// <param name="Kind">What the value is.</param>
/// <param name="Default">The default's JSON value (what applies when the tenant set nothing).</param>
public sealed record TenantSetting(string Key, TenantSettingKind Kind, JsonNode? Default)
{
    /// <summary>The JSON path of the key: <c>["permissions", "second_approval_threshold"]</c>.</summary>
    public IReadOnlyList<string> Path => Key.Split('.');

    /// <summary>Reads <paramref name="text"/> as this setting's value.</summary>
    /// <exception cref="LocalizedArgumentException">The text is not a value of this kind; the message names the key.</exception>
    public JsonNode Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        return Kind switch
        {
            TenantSettingKind.Decimal => JsonValue.Create(ReadDecimal(s, s)),
            TenantSettingKind.Integer => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                ? JsonValue.Create(days)
                : throw Refuse(s, "a whole number of zero or more (e.g. 30)", "un nombre entier positif ou nul (ex. 30)"),
            TenantSettingKind.Date => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : throw Refuse(s, "a date written yyyy-MM-dd (e.g. 2027-01-01)", "une date écrite aaaa-mm-jj (ex. 2027-01-01)"),
            TenantSettingKind.Boolean => s.ToLowerInvariant() switch
            {
                "true" or "yes" or "oui" or "vrai" or "on" => JsonValue.Create(true),
                "false" or "no" or "non" or "faux" or "off" => JsonValue.Create(false),
                _ => throw Refuse(s, "true or false", "true ou false (vrai ou faux)"),
            },
            TenantSettingKind.RuleIds => ReadRuleIds(s),
            TenantSettingKind.CreditLimits => ReadCreditLimits(s),
            _ => throw new InvalidOperationException($"Unhandled setting kind {Kind}."),
        };
    }

    /// <summary>A stored value as a person writes it (the same text <see cref="Read"/> accepts); "" for an empty list.</summary>
    public static string Format(JsonNode? value) => value switch
    {
        null => "",
        JsonArray items => string.Join(",", items.Select(i => i?.GetValue<string>())),
        JsonObject pairs => string.Join(",", pairs.Select(p => $"{p.Key}={Format(p.Value)}")),
        _ => value.ToJsonString().Trim('"'),
    };

    private decimal ReadDecimal(string s, string whole)
    {
        // Invariant dot only: "1,5" could be 1.5 or 15 depending on who typed it, and a threshold is no place to guess.
        if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return amount;
        throw Refuse(whole, "a number of zero or more, with a dot for decimals (e.g. 2.50)", "un nombre positif ou nul, avec un point décimal (ex. 2.50)");
    }

    private JsonArray ReadRuleIds(string s)
    {
        var ids = s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var unknown = ids.Where(id => RuleCatalog.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal));
            throw new LocalizedArgumentException(new LocalizedText(
                $"{Key}: unknown rule id(s) {string.Join(", ", unknown)}. Nothing was changed. Known rules: {known}.",
                $"{Key} : règle(s) inconnue(s) {string.Join(", ", unknown)}. Rien n'a été modifié. Règles connues : {known}."));
        }
        return [.. ids.Select(id => (JsonNode?)JsonValue.Create(id))];
    }

    private JsonObject ReadCreditLimits(string s)
    {
        var limits = new JsonObject();
        foreach (var pair in s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw Refuse(s, "payer=amount pairs separated by commas (e.g. P-ROOT=250000)", "des paires payeur=montant séparées par des virgules (ex. P-ROOT=250000)");
            }
            limits[parts[0]] = ReadDecimal(parts[1], s);
        }
        return limits;
    }

    private LocalizedArgumentException Refuse(string text, string expectedEn, string expectedFr) => new(new LocalizedText(
        $"{Key}: '{text}' is not {expectedEn}. Nothing was changed.",
        $"{Key} : « {text} » n'est pas {expectedFr}. Rien n'a été modifié."));
}
