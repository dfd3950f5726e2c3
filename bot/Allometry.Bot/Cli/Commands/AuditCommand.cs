namespace Allometry.Bot.Cli.Commands;

using System.CommandLine;
using System.Globalization;
using System.Text;
using Allometry.Core.Localization;
using Allometry.Core.Postgres.Actions;
using Allometry.Core.Postgres.Ledger;
using Spectre.Console;

/// <summary><c>allometry audit export --from --to --out file.csv</c>: the tenant's action audit as CSV.</summary>
internal static class AuditCommand
{
    public static Command Create(CliEnvironment env)
    {
        var audit = new Command("audit", "The action audit / le journal des actions");
        audit.Add(Export(env));
        return audit;
    }

    private static Command Export(CliEnvironment env)
    {
        var from = new Option<string>("--from") { Description = "First day, yyyy-MM-dd (UTC) / premier jour", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, yyyy-MM-dd (UTC) / dernier jour", Required = true };
        var output = new Option<string>("--out") { Description = "CSV file to write / fichier CSV", Required = true };
        var tenant = CommonOptions.Tenant("Tenant id; default: the only tenant, if there is one");
        var lang = CommonOptions.Lang();
        var command = new Command("export", "Export actions as CSV / exporter les actions en CSV") { from, to, output, tenant, lang };
        command.SetAction((parse, ct) =>
        {
            var language = parse.GetValue(lang);
            return CliRun.GuardedAsync(env, language, async () =>
            {
                var first = Day(parse.GetValue(from), "--from");
                var last = Day(parse.GetValue(to), "--to");
                if (last < first) throw new ArgumentException("--to is before --from / --to précède --from");
                await using var app = await env.StartAsync(ct);
                var tenantId = await TenantChoice.ResolveAsync(app.Get<TenantDirectory>(), parse.GetValue(tenant), language, ct);
                var entries = await app.Get<AuditStore>().ListAsync(tenantId, first, last, ct);
                var path = Path.GetFullPath(parse.GetValue(output)!);
                var temporary = path + ".tmp";
                await using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
                {
                    await AuditStore.WriteCsvAsync(entries, writer, ct);
                }
                File.Move(temporary, path, overwrite: true);
                env.Out.WriteLine(language == Language.Fr
                    ? $"{entries.Count} action(s) exportée(s) vers {path}"
                    : $"{entries.Count} action(s) exported to {path}");
                return CliRun.Ok;
            });
        });
        return command;
    }

    private static DateOnly Day(string? text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ArgumentException($"{option} must be a date yyyy-MM-dd (got '{text}') / {option} doit être une date aaaa-MM-jj");
}
