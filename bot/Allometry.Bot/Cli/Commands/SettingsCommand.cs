namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Ledger;
using Allometry.Core.Postgres.Settings;
using Spectre.Console;

/// <summary>
/// <c>allometry settings show|set</c>: a tenant's rule thresholds and permission settings, each with
/// its value and documented default; <c>set</c> changes one key (or puts it back with <c>default</c>)
/// and refuses an unknown key or a bad value, naming the key, without writing anything.
/// </summary>
internal static class SettingsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var settings = new Command("settings", "A tenant's rule thresholds and permissions / réglages d'un locataire : seuils des règles et permissions");
        settings.Add(Show(env));
        settings.Add(Set(env));
        return settings;
    }

    private static Command Show(CliEnvironment env)
    {
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command("show", "Every setting with its value and default / chaque réglage, sa valeur et sa valeur par défaut") { tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var values = await app.Get<TenantSettingsStore>().ListAsync(tenantId, ct);
                var fr = language == Language.Fr;
                var table = new Table().AddColumns(fr ? "Réglage" : "Setting", fr ? "Valeur" : "Value", fr ? "Par défaut" : "Default", fr ? "Source" : "Source");
                foreach (var value in values)
                {
                    table.AddRow(
                        Markup.Escape(value.Setting.Key),
                        Markup.Escape(Shown(value.Effective, fr)),
                        Markup.Escape(Shown(value.Setting.Default, fr)),
                        value.IsSet ? (fr ? "locataire" : "tenant") : (fr ? "défaut" : "default"));
                }
                env.Out.Write(table);
                env.Out.WriteLine(fr
                    ? $"allometry settings set --tenant {tenantId} <réglage> <valeur>   (« default » remet la valeur par défaut)"
                    : $"allometry settings set --tenant {tenantId} <setting> <value>   ('default' puts the default back)");
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static Command Set(CliEnvironment env)
    {
        var key = new Argument<string>("key") { Description = "A setting, as 'settings show' lists it / un réglage, tel que listé par « settings show »" };
        var value = new Argument<string>("value") { Description = "Its new value, or 'default' / sa nouvelle valeur, ou « default »" };
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command("set", "Change one setting / changer un réglage") { key, value, tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                // The key is checked before the database starts: a typo costs nothing and says which keys exist.
                TenantSettingCatalog.Find(parse.GetValue(key)!);
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var set = await app.Get<TenantSettingsStore>().SetAsync(tenantId, parse.GetValue(key)!, parse.GetValue(value)!, ct);
                var fr = language == Language.Fr;
                var shown = Shown(set.Effective, fr);
                env.Out.WriteLine(set.IsSet
                    ? (fr ? $"{set.Setting.Key} = {shown} dans {tenantId}" : $"{set.Setting.Key} = {shown} in {tenantId}")
                    : (fr ? $"{set.Setting.Key} = {shown} (par défaut) dans {tenantId}" : $"{set.Setting.Key} = {shown} (default) in {tenantId}"));
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static string Shown(System.Text.Json.Nodes.JsonNode? value, bool fr) =>
        TenantSetting.Format(value) is { Length: > 0 } text ? text : (fr ? "(aucun)" : "(none)");
}
